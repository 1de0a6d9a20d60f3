# libogg (static, BSD-3-Clause): the Ogg container for libvorbis (FFmpeg's own ogg muxer and
# demuxer do not use it; libvorbis's encoder and decoder API does). Library, headers and ogg.pc only.
# shellcheck shell=bash
log "libogg"
unpack_source libogg
(
  obj="$OBJ_DIR/libogg"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # The 2018 config.sub knows no wasm32-wasi; wasm32-unknown-linux-gnu is the triplet it accepts
  # (x264.sh uses the same). Only the configure-time checks see it: the compiler is afmpeg-cc.
  # CFLAGS come after libogg's own defaults (-O2 -ffast-math -fsigned-char), so ours win.
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" \
    "$SRC_DIR/libogg/configure" --host=wasm32-unknown-linux-gnu --prefix="$PREFIX" \
      --enable-static --disable-shared >&2
  # The library only: src's `all` also builds the self-test programs, and doc/ the manual.
  make -j"$JOBS" -C src libogg.la >&2
  make -C src install-libLTLIBRARIES >&2
  make -C include install >&2
  make install-pkgconfigDATA >&2
  rm -f "$PREFIX/lib/libogg.la"
)
