// Two asserted edits to jco 1.35's transpiled glue, each a cost paid on every one of the guest's
// host calls (a clock read, a log line, a read or write of a file) that buys nothing in a
// synchronous component. Each edit must apply exactly as written, so a jco whose output differs
// fails the build instead of silently shipping the slow glue.
//
// 1. The debug log decided once. The glue checks `process.env.JCO_DEBUG` and builds a log record
//    on each call, even when not logging: ~10 % of the CPU of an I/O-bound run (measured: a
//    57.6 MB WAV remux, 1281 -> 1142 ms). No transpile option turns it off (`--import-bindings
//    optimized` emits invalid JS in 1.35).
// 2. Sync host calls without async-task bookkeeping. jco 1.35 lowers every import through the
//    component model's async machinery (preview 3): per call, `_lowerImportBackwardsCompat`
//    makes a subtask with a waitable in the component's handle table, and the trampoline makes a
//    host `AsyncTask`, links it to that subtask, enters it, resolves it (which resolves the
//    subtask) and exits it. For an import that is sync-lowered and sync-typed in a component
//    transpiled with `--instantiation sync` nothing ever waits on those tasks: the trampoline
//    returns its own result, which is the value the subtask carried. That bookkeeping cost
//    ~30-40 µs a call on the 2-vCPU machine (a clock read, 28 µs in all, of which the host's
//    clock took 1 µs), and it was most of an I/O-bound run (2026-12-03, `bench:remux`, the same
//    bytes out: WAV -> FLAC 1281 -> 956 ms, a 98 MB MP4 `-c copy` 1148 -> 658 ms; a
//    segmented job's join 200 -> 85 ms). The wrapper now calls such an import directly (after
//    the may-leave check), and each trampoline takes one inert task in place of a new one. Async
//    or manually-async imports (there are none in this build) still take jco's path.
//   node patch-glue.mjs <afmpeg.js>
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node patch-glue.mjs <afmpeg.js>');
let source = readFileSync(file, 'utf8');

const fail = (what) => {
  console.error(`patch-glue: ${what} in ${file}`);
  process.exit(1);
};
const occurrences = (text) => source.split(text).length - 1;

// 1. The debug log decided once.
const perCall = `  const _debugLog = (...args) => {
    if (!globalThis?.process?.env?.JCO_DEBUG) { return; }
    console.debug(...args);
  };`;
const once = `  const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};`;
if (occurrences(perCall) !== 1) fail(`expected jco's per-call _debugLog once, found it ${occurrences(perCall)} times`);
source = source.replace(perCall, once);

// 2a. Every trampoline's host task: from its declaration to entering it, one inert task instead.
const hostTask =
  /\n {4}let parentTask;\n {4}let task;\n {4}let subtask;\n {4}\n {4}const createTask = \(\) => \{\n {6}const results = createNewCurrentTask\(\{\n {8}componentIdx: -1,\n[\s\S]*?\n {4}const started = task\.enterSync\(\);\n/g;
const trampolines = occurrences('  const _trampoline');
const hostTasks = source.match(hostTask)?.length ?? 0;
if (hostTasks === 0 || hostTasks !== occurrences('    taskCreation: {')) {
  fail(`expected a host task in each of the ${occurrences('    taskCreation: {')} trampolines that make one, found ${hostTasks}`);
}
source = source.replace(hostTask, '\n    const task = _syncHostTask;\n');
if (occurrences('componentIdx: -1,') !== 0) fail('a host task is still made after the edit');

// 2b. The lowering wrapper: a sync-lowered sync import is called directly.
const wrapper = `  function _lowerImportBackwardsCompat(args) {
    const params = [...arguments].slice(1);
`;
if (occurrences(wrapper) !== 1) fail(`expected _lowerImportBackwardsCompat once, found it ${occurrences(wrapper)} times`);
source = source.replace(
  wrapper,
  `  // afmpeg (build/tools/patch-glue.mjs): what a trampoline asks of its host task, doing nothing.
  const _syncHostTask = {
    componentIdx: () => -1,
    id: () => 0,
    resolve() {},
    exit() {},
    setErrored() {},
    reject() {},
    getParentSubtask: () => undefined,
  };
  
${wrapper}    if (!args.isManualAsync && !args.isAsync && !args.funcTypeIsAsync) {
      _checkMayLeave(args.componentIdx);
      return args.importFn(...params);
    }
`,
);
writeFileSync(file, source);
console.error(`patch-glue: ${file}: debug log decided once; ${hostTasks} of ${trampolines} trampolines' host tasks made inert`);
