# zlib (static) for FFmpeg's png/zlib users.
# shellcheck shell=bash
log "zlib"
unpack_source zlib
(
  cd "$SRC_DIR/zlib"
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 CFLAGS="$AFMPEG_OPT" CHOST=wasm32 \
    ./configure --static --prefix="$PREFIX" >&2
  make -j"$JOBS" libz.a >&2
  # patches/zlib/0001-* gives adler32 a SIMD128 loop: prove it against the checksum's definition
  # before anything links it (src/zlib-check/adler32-check.c).
  afmpeg-cc $AFMPEG_OPT -I. "$BUILD_DEF/src/zlib-check/adler32-check.c" libz.a -o adler32-check
  node "$BUILD_DEF/tools/run-wasi.mjs" adler32-check >&2 ||
    die "zlib adler32 check failed: the SIMD128 loop differs from the checksum's definition"
  make install >&2
)
