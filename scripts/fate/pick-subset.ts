/**
 * Picks test/fate/subset.json, the FATE slice ordinary CI replays (test/fate/fate-subset.test.ts),
 * from a full run's subset-candidates.json: the candidates in name order, at most `max`.
 * Deterministic for a given candidate set.
 *
 *   node .out/scripts/fate/pick-subset.js <results dir> [max=40]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Candidate {
  test: string;
  args: string[];
}

const [results, max = '40'] = process.argv.slice(2);
if (!results) throw new Error('usage: pick-subset.js <results dir> [max]');
const candidates = JSON.parse(readFileSync(join(results, 'subset-candidates.json'), 'utf8')) as Candidate[];
const picked = [...candidates]
  .sort((a, b) => a.test.localeCompare(b.test))
  .slice(0, Number(max))
  .map(({ test, args }) => ({ test, args }));
const out = fileURLToPath(new URL('../../../test/fate/subset.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(picked, null, 1)}\n`);
console.log(`${picked.length} of ${candidates.length} candidates -> ${out}`);
