# memcpy, memmove and memset on memory.copy/memory.fill (src/wasi-bulk-memory/bulk-memory.c says
# why), as one object that steps/link.sh links ahead of wasi-libc. Proved here, before anything
# links it: bulk-memory-check.c compares every length 0-300 (and large ones), every alignment and
# overlap against byte loops, and must pass in Node.
# Not LTO bitcode: as a plain object its memcpy is an ordinary definition the linker resolves the
# calls LTO's code generation emits to; -ffreestanding keeps clang from turning the bodies into
# calls to themselves.
# shellcheck shell=bash
log "bulk-memory memcpy/memmove/memset"
(
  dir="$OBJ_DIR/bulk-memory"
  rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
  afmpeg-cc -O3 -msimd128 -mbulk-memory -ffreestanding \
    -c "$BUILD_DEF/src/wasi-bulk-memory/bulk-memory.c" -o bulk-memory.o
  afmpeg-cc -O3 -msimd128 "$BUILD_DEF/src/wasi-bulk-memory/bulk-memory-check.c" bulk-memory.o -o bulk-memory-check
  node "$BUILD_DEF/tools/run-wasi.mjs" bulk-memory-check >&2 ||
    die "bulk-memory check failed: memcpy/memmove/memset differ from their definitions (see above)"
)
