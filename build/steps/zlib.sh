# zlib (static) for FFmpeg's png/zlib users.
# shellcheck shell=bash
log "zlib"
unpack_source zlib
(
  cd "$SRC_DIR/zlib"
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 CFLAGS="$AFMPEG_OPT" CHOST=wasm32 \
    ./configure --static --prefix="$PREFIX" >&2
  make -j"$JOBS" libz.a >&2
  make install >&2
)
