// Build-only runner for plain WASI preview1 programs (no component, no FFmpeg): the checkasm
// binaries of x264 and FFmpeg and the build's own checks (zlib-check, bulk-memory-check,
// sbrk-check), which prove the SIMD128 kernels and libc replacements against C.
//
//   node build/tools/run-wasi.mjs <program.wasm> [args...]
//
// Exits with the program's exit code. Serves only what such test programs use: arguments, an
// empty environment, clocks, random bytes, and stdout/stderr; no files (fd_prestat_get reports
// no preopened directory) and no stdin (EOF). Anything else answers ENOSYS.
//
// Why not node:wasi: it keeps the address of the memory it saw at start, and a memory.grow that
// moves the memory leaves it writing through a stale pointer, so a program that printed after
// growing by tens of MiB crashed Node (SIGSEGV at its next fd_write, about half the runs of
// sbrk-check). Here every call reads `memory.buffer` afresh.
import { randomFillSync } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error('usage: run-wasi.mjs <program.wasm> [args...]');
  process.exit(2);
}

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOENT: 44, NOSYS: 52, SPIPE: 70 };
const encoder = new TextEncoder();
const argv = [program, ...args].map((a) => encoder.encode(`${a}\0`));

class Exit {
  constructor(code) {
    this.code = code;
  }
}

let memory;
const view = () => new DataView(memory.buffer);
const bytes = (ptr, len) => new Uint8Array(memory.buffer, ptr, len);

/** Writes `list` (NUL-terminated byte strings) as pointers at `ptrs` and bytes at `buf`. */
function putStrings(list, ptrs, buf) {
  let at = buf;
  list.forEach((s, i) => {
    view().setUint32(ptrs + 4 * i, at, true);
    bytes(at, s.length).set(s);
    at += s.length;
  });
  return ERRNO.SUCCESS;
}

function putSizes(list, countPtr, sizePtr) {
  view().setUint32(countPtr, list.length, true);
  view().setUint32(sizePtr, list.reduce((n, s) => n + s.length, 0), true);
  return ERRNO.SUCCESS;
}

const start = process.hrtime.bigint();
const wasi = {
  args_get: (ptrs, buf) => putStrings(argv, ptrs, buf),
  args_sizes_get: (countPtr, sizePtr) => putSizes(argv, countPtr, sizePtr),
  environ_get: () => ERRNO.SUCCESS,
  environ_sizes_get: (countPtr, sizePtr) => putSizes([], countPtr, sizePtr),
  clock_time_get(id, _precision, out) {
    // 0: realtime; the others (monotonic, process and thread CPU time) from one monotonic clock.
    const ns = id === 0 ? BigInt(Date.now()) * 1000000n : process.hrtime.bigint() - start;
    view().setBigUint64(out, ns, true);
    return ERRNO.SUCCESS;
  },
  clock_res_get(_id, out) {
    view().setBigUint64(out, 1000n, true);
    return ERRNO.SUCCESS;
  },
  random_get(buf, len) {
    randomFillSync(bytes(buf, len));
    return ERRNO.SUCCESS;
  },
  fd_write(fd, iovs, iovsLen, nwritten) {
    if (fd !== 1 && fd !== 2) return ERRNO.BADF;
    let total = 0;
    for (let i = 0; i < iovsLen; i++) {
      const ptr = view().getUint32(iovs + 8 * i, true);
      const len = view().getUint32(iovs + 8 * i + 4, true);
      // A copy: the memory may grow (and move) before Node has written it.
      const chunk = bytes(ptr, len).slice();
      for (let done = 0; done < len; ) done += writeSync(fd, chunk, done, len - done);
      total += len;
    }
    view().setUint32(nwritten, total, true);
    return ERRNO.SUCCESS;
  },
  fd_read(fd, _iovs, _iovsLen, nread) {
    if (fd !== 0) return ERRNO.BADF;
    view().setUint32(nread, 0, true);
    return ERRNO.SUCCESS;
  },
  fd_fdstat_get(fd, out) {
    if (fd > 2) return ERRNO.BADF;
    const v = view();
    v.setUint8(out, 2); // character device
    v.setUint16(out + 2, 0, true);
    v.setBigUint64(out + 8, 0xffffffffn, true);
    v.setBigUint64(out + 16, 0xffffffffn, true);
    return ERRNO.SUCCESS;
  },
  fd_fdstat_set_flags: (fd) => (fd > 2 ? ERRNO.BADF : ERRNO.SUCCESS),
  fd_close: (fd) => (fd > 2 ? ERRNO.BADF : ERRNO.SUCCESS),
  fd_seek: (fd) => (fd > 2 ? ERRNO.BADF : ERRNO.SPIPE),
  fd_prestat_get: () => ERRNO.BADF,
  fd_prestat_dir_name: () => ERRNO.BADF,
  path_open: () => ERRNO.NOENT,
  sched_yield: () => ERRNO.SUCCESS,
  proc_exit(code) {
    throw new Exit(code);
  },
};

const module = await WebAssembly.compile(readFileSync(program));
const imports = {};
for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
  if (kind !== 'function') throw new Error(`${program} imports ${from}.${name}, a ${kind}`);
  imports[from] ??= {};
  imports[from][name] = (from === 'wasi_snapshot_preview1' && wasi[name]) || (() => ERRNO.NOSYS);
}
const instance = await WebAssembly.instantiate(module, imports);
memory = instance.exports.memory;
try {
  instance.exports._start();
  process.exitCode = 0;
} catch (err) {
  if (!(err instanceof Exit)) throw err;
  process.exitCode = err.code;
}
