# LAME (static, LGPL-2.0-or-later) for FFmpeg's libmp3lame MP3 encoder: libmp3lame and
# lame/lame.h only. No frontend, no mpg123 decoder (FFmpeg decodes MP3 natively), no frame-analyzer
# hooks, no nasm. LAME 3.100 ships no .pc file; FFmpeg's configure finds it with -lmp3lame.
# shellcheck shell=bash
log "lame"
unpack_source lame
(
  obj="$OBJ_DIR/lame"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # The 2015 config.sub knows no wasm32-wasi; it accepts wasm32-unknown-linux-gnu (libogg.sh says
  # why that is harmless). The x86 SSE routines (libmp3lame/vector) drop out by themselves:
  # clang's <xmmintrin.h> refuses a wasm32 target, so configure finds no xmmintrin.h.
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" \
    "$SRC_DIR/lame/configure" --host=wasm32-unknown-linux-gnu --prefix="$PREFIX" \
      --enable-static --disable-shared --disable-frontend --disable-decoder \
      --disable-analyzer-hooks --disable-nasm --disable-gtktest --disable-cpml \
      --disable-rpath --with-fileio=lame >&2
  # The library only (the top-level `all` would also walk frontend/, doc/, misc/, ...).
  make -j"$JOBS" -C libmp3lame libmp3lame.la >&2
  make -C libmp3lame install-libLTLIBRARIES >&2
  make -C include install >&2
  rm -f "$PREFIX/lib/libmp3lame.la"
)
