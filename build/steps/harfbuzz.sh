# HarfBuzz (static, MIT) for libass's text shaping: C++ against Debian's wasm32 libc++ headers,
# no exceptions or RTTI (HarfBuzz's own flags), single-threaded (HB_NO_MT), FreeType on (hb-ft);
# no glib, gobject, ICU, cairo, chafa; no utilities, tests or docs. Only libharfbuzz is built
# (ninja's target), not libharfbuzz-subset, which nothing here uses.
# shellcheck shell=bash
log "harfbuzz"
unpack_source harfbuzz
(
  obj="$OBJ_DIR/harfbuzz"
  rm -rf "$obj"
  # Compile flags beyond $AFMPEG_OPT: HB_NO_MT (single-threaded; patches/harfbuzz/0001 keeps
  # meson from adding -pthread). _WASI_EMULATED_MMAN only lets hb-blob.cc include <sys/mman.h>:
  # meson finds no mmap/mprotect to link, so HarfBuzz reads blobs without them and nothing
  # needs -lwasi-emulated-mman. HAVE_FT_*: meson's link checks for these FreeType functions
  # fail on wasm-ld, not for want of them (meson brackets the libraries in --start-group,
  # which wasm-ld 19 does not take); FreeType 2.13 has all four, and hb-ft.cc needs them for
  # variable fonts and to follow a transform set on the FT_Face.
  hb_cppflags=(-DHB_NO_MT -D_WASI_EMULATED_MMAN -DHAVE_FT_GET_VAR_BLEND_COORDINATES
    -DHAVE_FT_SET_VAR_BLEND_COORDINATES -DHAVE_FT_DONE_MM_VAR -DHAVE_FT_GET_TRANSFORM)
  # A unity build (two sources of ~30 files each, one per core): HarfBuzz is written to be
  # compiled as one amalgamation (src/harfbuzz.cc), and its ~56 files each parse and instantiate
  # the same large headers. Measured: 70 s instead of 489 s, the same 505 hb_* symbols and the
  # same shaping.
  meson setup "$obj" "$SRC_DIR/harfbuzz" --cross-file "$BUILD_DEF/tools/meson-wasm32-wasi.ini" \
    --prefix="$PREFIX" --libdir=lib --buildtype=plain --default-library=static \
    --unity=on -Dunity_size=30 \
    -Dc_args="$AFMPEG_OPT" -Dcpp_args="$AFMPEG_OPT ${hb_cppflags[*]}" \
    -Dfreetype=enabled -Dglib=disabled -Dgobject=disabled -Dicu=disabled -Dcairo=disabled \
    -Dchafa=disabled -Dgraphite2=disabled -Dintrospection=disabled -Ddocs=disabled \
    -Dtests=disabled -Dutilities=disabled -Dbenchmark=disabled --wrap-mode=nofallback >&2
  ninja -C "$obj" -j"$JOBS" src/libharfbuzz.a >&2
  # meson install would want libharfbuzz-subset too: install what it lists for harfbuzz only
  # (the library, its headers, harfbuzz.pc), without subset and CMake files.
  meson introspect "$obj" --installed | python3 -c '
import json, os, shutil, sys
for src, dst in sorted(json.load(sys.stdin).items()):
    if "subset" in os.path.basename(src) or "/cmake/" in dst:
        continue
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
' >&2
  # HarfBuzz needs no C++ runtime (no operator new, no __cxa_*: it allocates with malloc and
  # builds without exceptions, RTTI or thread-safe statics), so a C link such as FFmpeg's needs
  # only what harfbuzz.pc already says (FreeType, through Requires).
)
