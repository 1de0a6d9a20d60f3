// Build-only runner for plain WASI preview1 programs (no component, no FFmpeg): the checkasm
// binaries of x264 and FFmpeg that prove the SIMD128 kernels bit-exact against the C code.
// They are test programs, so Node's own node:wasi serves them; the library's engine is not used.
//
//   node build/tools/run-wasi.mjs <program.wasm> [args...]
//
// The current directory is preopened as the guest's `/`. Exits with the program's exit code.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: run-wasi.mjs <program.wasm> [args...]');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: [program, ...args],
  env: {},
  preopens: { '/': process.cwd() },
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(program));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
