// The build-definition hash: sha256 over every file under build/ and wit/ that defines the wasm
// build (scripts, patches, lock files, C sources, WIT), excluding documentation and build trees.
// CI compares it with wasm/gpl/PROVENANCE.json to decide whether the wasm must be rebuilt.
// Needs only Node. Usage: node build/tools/definition-hash.mjs [--list]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ignoredDirs = new Set(['build/.work', 'build/node_modules']);
const isDefinition = (path) => !/\.md$/i.test(path);

function walk(dir) {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ignoredDirs.has(path) ? [] : walk(path);
    return entry.isFile() ? [path] : [];
  });
}

export function definitionFiles() {
  return [...walk('build'), ...walk('wit')].filter(isDefinition).sort();
}

export function definitionHash() {
  const outer = createHash('sha256');
  for (const path of definitionFiles()) {
    const inner = createHash('sha256')
      .update(readFileSync(join(repo, path)))
      .digest('hex');
    outer.update(`${path}\0${inner}\n`);
  }
  return outer.digest('hex');
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  if (process.argv.includes('--list')) console.log(definitionFiles().join('\n'));
  console.log(definitionHash());
}
