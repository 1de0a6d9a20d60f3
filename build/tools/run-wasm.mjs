// Build-only host: runs a transpiled afmpeg build (wasm/<variant>/ or a build's out/js) on
// Node with @bytecodealliance/preview2-shim, for smoke tests, provenance and flag timing.
// It is NOT the library's engine (src/engine): it reads and writes host files in one directory.
//
//   node build/tools/run-wasm.mjs <build-dir> [--dir <host-dir>] <ffmpeg|ffprobe> [args...]
//
// <host-dir> (default: the current directory) is the guest's / and cwd. The process exits with
// the code FFmpeg reported through afmpeg:ffmpeg/exit-status.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

// preview2-shim comes with jco (a pinned devDependency); it is not a dependency of the library.
// Resolved from jco's own package, as jco's glue would: npm may install it at the top of
// build/node_modules or nested under jco, depending on what else in the tree wants which version.
const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fromJco = createRequire(join(repo, 'build/node_modules/@bytecodealliance/jco/package.json'));
const shim = (name) => import(pathToFileURL(fromJco.resolve(`@bytecodealliance/preview2-shim/${name}`)).href);

const args = process.argv.slice(2);
const buildDir = resolve(args.shift() ?? '');
let hostDir = process.cwd();
if (args[0] === '--dir') {
  args.shift();
  hostDir = resolve(args.shift() ?? '');
}
const tool = args.shift();
if (tool !== 'ffmpeg' && tool !== 'ffprobe') {
  console.error('usage: run-wasm.mjs <build-dir> [--dir <host-dir>] <ffmpeg|ffprobe> [args...]');
  process.exit(2);
}

const [cli, clocks, filesystem, io, random] = await Promise.all(
  ['cli', 'clocks', 'filesystem', 'io', 'random'].map(shim),
);
cli._setArgs([tool, ...args]);
cli._setEnv({}); // no TERM: FFmpeg must not colour its log
cli._setCwd('/');
filesystem._setPreopens({ '/': hostDir });

class GuestExit {
  constructor(ok) {
    this.ok = ok;
  }
}
let exitCode;
const imports = {
  'afmpeg:ffmpeg/exit-status': {
    setExitCode: (code) => {
      exitCode = code;
    },
  },
  'wasi:cli/environment': cli.environment,
  'wasi:cli/exit': {
    exit: (status) => {
      throw new GuestExit(status.tag === 'ok');
    },
  },
  'wasi:cli/stdin': cli.stdin,
  'wasi:cli/stdout': cli.stdout,
  'wasi:cli/stderr': cli.stderr,
  'wasi:cli/terminal-input': cli.terminalInput,
  'wasi:cli/terminal-output': cli.terminalOutput,
  'wasi:cli/terminal-stdin': cli.terminalStdin,
  'wasi:cli/terminal-stdout': cli.terminalStdout,
  'wasi:cli/terminal-stderr': cli.terminalStderr,
  'wasi:clocks/monotonic-clock': clocks.monotonicClock,
  'wasi:clocks/wall-clock': clocks.wallClock,
  'wasi:filesystem/preopens': filesystem.preopens,
  'wasi:filesystem/types': filesystem.types,
  'wasi:io/error': io.error,
  'wasi:io/poll': io.poll,
  'wasi:io/streams': io.streams,
  'wasi:random/random': random.random,
};

const files = new Set(readdirSync(buildDir));
const getCoreModule = (name) => {
  const bytes = files.has(name)
    ? readFileSync(join(buildDir, name))
    : brotliDecompressSync(readFileSync(join(buildDir, `${name}.br`)));
  return new WebAssembly.Module(bytes);
};
// A build tree's out/js holds its glue; a committed wasm/<variant>/ finds it in wasm/glue/ by the
// sha256 its PROVENANCE.json pins (steps/install.sh says why glue is shared).
const glueIn = (dir) => {
  if (existsSync(join(dir, 'afmpeg.js'))) return join(dir, 'afmpeg.js');
  const provenance = JSON.parse(readFileSync(join(dir, 'PROVENANCE.json'), 'utf8'));
  const sha = provenance.files.find((f) => f.name === 'afmpeg.js').sha256;
  return join(dir, '..', 'glue', `afmpeg-${sha.slice(0, 16)}.js`);
};
const { instantiate } = await import(pathToFileURL(glueIn(buildDir)).href);
const started = performance.now();
let ok = true;
try {
  const instance = instantiate(getCoreModule, imports);
  instance.run.run();
} catch (e) {
  if (e instanceof GuestExit) ok = e.ok;
  else {
    console.error('run-wasm: guest trapped:', e);
    process.exitCode = 134;
  }
}
if (process.env.AFMPEG_RUN_TIMING) console.error(`run-wasm: ${(performance.now() - started).toFixed(0)} ms`);
process.exitCode ??= exitCode ?? (ok ? 0 : 1);
