# afmpeg's replacements for three wasi-libc pieces the profiles showed, linked ahead of wasi-libc
# by steps/link.sh so that libc.a's own members are never pulled (each source says why):
# - src/wasi-bulk-memory/: memcpy, memmove, memset on memory.copy/memory.fill;
# - src/wasi-sbrk/: sbrk growing the memory in large steps (each memory.grow costs ~1-2 ms in V8).
# Proved here, before anything links them: bulk-memory-check.c compares every length 0-300 (and
# large ones), every alignment and overlap with byte loops; sbrk-check.c checks sbrk's contract,
# malloc's bytes, a page grown by someone else, and exhaustion at a memory maximum. Both must pass
# in Node. Plain objects, not LTO bitcode: their definitions are what the linker resolves the calls
# LTO's code generation emits to; -ffreestanding keeps clang from turning memcpy's body into a call
# to itself.
# shellcheck shell=bash
log "libc overrides: memcpy/memmove/memset, sbrk"
(
  dir="$OBJ_DIR/libc-overrides"
  rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
  afmpeg-cc -O3 -msimd128 -mbulk-memory -ffreestanding \
    -c "$BUILD_DEF/src/wasi-bulk-memory/bulk-memory.c" -o bulk-memory.o
  afmpeg-cc -O3 -c "$BUILD_DEF/src/wasi-sbrk/sbrk.c" -o sbrk.o
  afmpeg-cc -O3 -msimd128 "$BUILD_DEF/src/wasi-bulk-memory/bulk-memory-check.c" bulk-memory.o -o bulk-memory-check
  node "$BUILD_DEF/tools/run-wasi.mjs" bulk-memory-check >&2 ||
    die "bulk-memory check failed: memcpy/memmove/memset differ from their definitions (see above)"
  afmpeg-cc -O3 "$BUILD_DEF/src/wasi-sbrk/sbrk-check.c" sbrk.o -Wl,--max-memory=268435456 -o sbrk-check
  node "$BUILD_DEF/tools/run-wasi.mjs" sbrk-check >&2 || die "sbrk check failed (see above)"
)
