# libvorbis (static, BSD-3-Clause) for FFmpeg's libvorbis encoder and decoder: libvorbis,
# libvorbisenc and libvorbisfile with their headers and .pc files (vorbis, vorbisenc: what
# FFmpeg's configure asks pkg-config for). Needs libogg (steps/libogg.sh) in the prefix.
# shellcheck shell=bash
log "libvorbis"
unpack_source libvorbis
(
  obj="$OBJ_DIR/libvorbis"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # wasm32-unknown-linux-gnu: the triplet the 2018 config.sub accepts (libogg.sh says why); it
  # selects libvorbis's generic *-*-linux* defaults (-O3 -ffast-math -fsigned-char), which our
  # CFLAGS follow. --disable-oggtest: cross-compiling, there is no test program to run; libogg
  # comes from the prefix through pkg-config.
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" \
    "$SRC_DIR/libvorbis/configure" --host=wasm32-unknown-linux-gnu --prefix="$PREFIX" \
      --enable-static --disable-shared --disable-oggtest --disable-docs --disable-examples >&2
  # The libraries only: lib's `all` also builds a self-test, and the tree has vq/test/doc.
  make -j"$JOBS" -C lib libvorbis.la libvorbisenc.la libvorbisfile.la >&2
  make -C lib install-libLTLIBRARIES >&2
  make -C include install >&2
  make install-pkgconfigDATA >&2
  rm -f "$PREFIX"/lib/libvorbis*.la
)
