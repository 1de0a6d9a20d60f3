# FriBidi (static, LGPL-2.1-or-later) for drawtext's right-to-left text and libass: the library
# only (no fribidi program, docs or tests), through its configure, which uses the Unicode
# tables shipped in the tarball (meson would build native generators to make them again).
# shellcheck shell=bash
log "fribidi"
unpack_source fribidi
(
  obj="$OBJ_DIR/fribidi"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  "$SRC_DIR/fribidi/configure" --host=wasm32-wasi --prefix="$PREFIX" --enable-static --disable-shared \
    CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" >&2
  make -C lib -j"$JOBS" install >&2
  make install-pkgconfigDATA >&2
  # libtool's archive description is for libtool links only and names build paths.
  rm -f "$PREFIX/lib/libfribidi.la"
)
