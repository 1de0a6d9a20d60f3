/**
 * The FATE report (scripts/fate/fate.sh): reads the two passes' `.rep` files and the engine
 * invocation log from `<results>` and prints N passing natively, M of those through the engine,
 * and every difference with FATE's own diff and the engine's error. Writes `<results>/summary.json`
 * and `<results>/subset-candidates.json` (the tests whose whole output is one file-free engine
 * run, byte-equal to FFmpeg's reference: what test/fate/ may replay in ordinary CI).
 * Exits 1 unless every test that passes natively also passes through the engine.
 *
 *   node .out/scripts/fate/compare.js <results dir>
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Report {
  passed: boolean;
  /** FATE's diff against the reference, decoded. */
  diff: string;
  /** The test's stderr, decoded. */
  stderr: string;
}

interface Invocation {
  tool: string;
  args: string[];
  exitCode: number;
  ms: number;
  stdoutSha256: string;
  error?: string;
}

const results = process.argv[2] ?? '';
if (!results) throw new Error('usage: compare.js <results dir>');

const tests = readFileSync(join(results, 'tests.txt'), 'utf8').split('\n').filter(Boolean);
const decode = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');

/**
 * `<test>:<status>:<base64 diff>:<base64 stderr>`, as tests/fate-run.sh writes it (the test's name
 * without its `fate-` prefix); 0 is a pass.
 */
function readReports(pass: string): Map<string, Report> {
  const reports = new Map<string, Report>();
  const dir = join(results, pass);
  for (const file of readdirSync(dir)) {
    const [name, status, diff, stderr] = readFileSync(join(dir, file), 'utf8').trim().split(':');
    if (name)
      reports.set(`fate-${name}`, { passed: status === '0', diff: decode(diff), stderr: decode(stderr) });
  }
  return reports;
}

function readInvocations(test: string): Invocation[] {
  const file = join(results, 'invocations', `${test}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Invocation);
}

const native = readReports('native');
const engine = readReports('engine');
const seconds = (pass: string) => Number(readFileSync(join(results, `${pass}.seconds`), 'utf8'));
const nativePassing = tests.filter((t) => native.get(t)?.passed);
const nativeFailing = tests.filter((t) => !native.get(t)?.passed);
const bothPassing = nativePassing.filter((t) => engine.get(t)?.passed);
const engineFailing = nativePassing.filter((t) => !engine.get(t)?.passed);
const onlyEngine = nativeFailing.filter((t) => engine.get(t)?.passed);
const invocations = new Map(tests.map((t) => [t, readInvocations(t)]));
const throughEngine = nativePassing.filter((t) => (invocations.get(t)?.length ?? 0) > 0);
const engineRuns = [...invocations.values()].flat();

const lines = [
  `FATE without samples: ${tests.length} tests`,
  `native control:  ${nativePassing.length} pass, ${nativeFailing.length} fail (${seconds('native')} s)`,
  `through engine:  ${bothPassing.length}/${nativePassing.length} of the natively passing tests pass (${seconds('engine')} s)`,
  `                 ${throughEngine.length} of them ran ffmpeg/ffprobe through the engine (${engineRuns.length} runs, ${Math.round(engineRuns.reduce((s, r) => s + r.ms, 0) / 1000)} s in runs)`,
];
if (nativeFailing.length) lines.push(`failing natively too (not compared): ${nativeFailing.join(' ')}`);
if (onlyEngine.length) lines.push(`passing only through the engine: ${onlyEngine.join(' ')}`);
for (const t of engineFailing) {
  const report = engine.get(t);
  const errors = (invocations.get(t) ?? []).filter((r) => r.error || r.exitCode !== 0);
  lines.push(`\nFAIL ${t}${report ? '' : ' (no report: not run)'}`);
  for (const r of errors)
    lines.push(`  ${r.tool} exit ${r.exitCode}${r.error ? ` ${r.error}` : ''}: ${r.args.join(' ')}`);
  if (report?.diff)
    lines.push(
      ...report.diff
        .split('\n')
        .slice(0, 12)
        .map((l) => `  | ${l}`),
    );
  if (report?.stderr)
    lines.push(
      ...report.stderr
        .trimEnd()
        .split('\n')
        .slice(-6)
        .map((l) => `  ! ${l}`),
    );
}
console.log(lines.join('\n'));

const root = process.env.AFMPEG_FATE_ROOT ?? '\0';
const refDir = join(root, 'src/ffmpeg/tests/ref/fate');
const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const subset = bothPassing.flatMap((test) => {
  const runs = invocations.get(test) ?? [];
  const only = runs[0];
  if (runs.length !== 1 || !only || only.tool !== 'ffmpeg') return [];
  if (only.args.some((a) => a.includes(root) || a.startsWith('tests/'))) return [];
  const ref = join(refDir, test.replace(/^fate-/, ''));
  if (!existsSync(ref) || sha256Of(ref) !== only.stdoutSha256) return [];
  return [{ test, args: only.args, ms: only.ms }];
});
writeFileSync(join(results, 'subset-candidates.json'), `${JSON.stringify(subset, null, 1)}\n`);
writeFileSync(
  join(results, 'summary.json'),
  `${JSON.stringify(
    {
      tests: tests.length,
      nativePassing: nativePassing.length,
      enginePassing: bothPassing.length,
      throughEngine: throughEngine.length,
      engineRuns: engineRuns.length,
      nativeSeconds: seconds('native'),
      engineSeconds: seconds('engine'),
      nativeFailing,
      engineFailing,
      onlyEngine,
    },
    null,
    1,
  )}\n`,
);
process.exit(engineFailing.length ? 1 : 0);
