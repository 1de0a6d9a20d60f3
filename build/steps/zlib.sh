# zlib (static) for FFmpeg's png/zlib users.
# shellcheck shell=bash
log "zlib"
unpack_source zlib
(
  cd "$SRC_DIR/zlib"
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 CFLAGS="$AFMPEG_OPT" CHOST=wasm32 \
    ./configure --static --prefix="$PREFIX" >&2
  make -j"$JOBS" libz.a >&2
  # patches/zlib/ give adler32 and inflate's match copies SIMD128 code: prove it before anything
  # links zlib (src/zlib-check/zlib-check.c: adler32 against its definition, inflate by round trip).
  afmpeg-cc $AFMPEG_OPT -I. "$BUILD_DEF/src/zlib-check/zlib-check.c" libz.a -o zlib-check
  node "$BUILD_DEF/tools/run-wasi.mjs" zlib-check >&2 ||
    die "zlib check failed: its SIMD128 code differs from the C code's results (see above)"
  make install >&2
)
