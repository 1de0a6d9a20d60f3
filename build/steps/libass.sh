# libass (static, ISC) for the subtitles/ass filters: FreeType, FriBidi and HarfBuzz from the
# prefix; no font provider (no fontconfig, CoreText or DirectWrite): fonts come from the
# caller's volume (the subtitles filter's fontsdir=, the ASS file's attachments). No asm (x86
# only), no libunibreak (optional: line breaking falls back to spaces, as before 0.17).
# shellcheck shell=bash
log "libass"
unpack_source libass
(
  obj="$OBJ_DIR/libass"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  "$SRC_DIR/libass/configure" --host=wasm32-wasi --prefix="$PREFIX" --enable-static --disable-shared \
    --disable-fontconfig --disable-directwrite --disable-coretext --disable-libunibreak \
    --disable-require-system-font-provider --disable-asm \
    CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" >&2
  # One non-recursive Makefile: with no test/profile/fuzz programs configured, install builds
  # only libass.la and installs it, ass/ass.h and ass/ass_types.h, and libass.pc.
  make -j"$JOBS" install >&2
  # libtool's archive description is for libtool links only and names build paths.
  rm -f "$PREFIX/lib/libass.la"
)
