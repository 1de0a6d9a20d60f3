# FreeType (static, FreeType License) for drawtext and libass: meson with afmpeg's cross file,
# outline-font modules only (patches/freetype/0001 says which and why), zlib on (WOFF), no PNG
# (colour bitmap fonts), bzip2, Brotli (WOFF2) or HarfBuzz (the autofitter's shaping aid; it
# would make FreeType and HarfBuzz depend on each other). The smooth rasterizer (ftgrays.c)
# longjmps out of a band that overflows its cell pool and renders it again in halves, so
# FreeType compiles with afmpeg's setjmp (AFMPEG_SJLJ_CFLAGS) and freetype2.pc links its runtime.
# shellcheck shell=bash
log "freetype"
unpack_source freetype
(
  obj="$OBJ_DIR/freetype"
  rm -rf "$obj"
  # mmap off: the ANSI stream (fopen/fread) instead of builds/unix/ftsystem.c's mmap, which
  # wasi-libc has only as an emulation that copies the file anyway.
  meson setup "$obj" "$SRC_DIR/freetype" --cross-file "$BUILD_DEF/tools/meson-wasm32-wasi.ini" \
    --prefix="$PREFIX" --libdir=lib --buildtype=plain --default-library=static \
    -Dc_args="$AFMPEG_OPT $AFMPEG_SJLJ_CFLAGS" \
    -Dzlib=system -Dpng=disabled -Dbzip2=disabled -Dbrotli=disabled -Dharfbuzz=disabled \
    -Dmmap=disabled -Dtests=disabled --wrap-mode=nofallback >&2
  ninja -C "$obj" -j"$JOBS" >&2
  meson install -C "$obj" --no-rebuild >&2
  # Every link of FreeType (a static library only) needs the setjmp runtime, after -lfreetype;
  # and its public headers include <setjmp.h> (ftstdlib.h), which wasi-libc lacks, so every
  # user of them (FFmpeg, HarfBuzz, libass) needs afmpeg's.
  pc="$PREFIX/lib/pkgconfig/freetype2.pc"
  sed -i -e 's/^Libs: .*-lfreetype$/& -lafmpeg-setjmp/' \
    -e 's#^Cflags: .*#& -I${prefix}/include/wasi-setjmp#' "$pc"
  grep -q '^Libs: .*-lfreetype -lafmpeg-setjmp$' "$pc" && grep -q '^Cflags: .*wasi-setjmp$' "$pc" ||
    die "freetype2.pc: no Libs or Cflags line to add the setjmp runtime to"
)
