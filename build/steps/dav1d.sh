# dav1d (static, BSD-2-Clause): the AV1 decoder of the broad variants (FFmpeg's libdav1d),
# 8- and 16-bit (10/12-bit AV1) pixel paths, plain C (no asm), compiled with -msimd128 through
# $AFMPEG_OPT. Single-threaded: dav1d is written against pthreads, so it compiles against afmpeg's
# stand-ins (build/src/wasi-nothreads) and always decodes on the caller's thread
# (patches/dav1d/0002), so it never calls pthread_create.
# shellcheck shell=bash
log "dav1d"
unpack_source dav1d
(
  obj="$OBJ_DIR/dav1d"
  nothreads="$BUILD_DEF/src/wasi-nothreads"
  rm -rf "$obj"; mkdir -p "$obj"
  # buildtype plain: the flags are $AFMPEG_OPT's; b_ndebug and trim_dsp as a release build has
  # them (no asserts; drop DSP functions the C code never selects). b_staticpic=false: -fPIC on
  # wasm32 means GOT-relative code for dynamic linking, which a static module does not want.
  meson setup "$obj/build" "$SRC_DIR/dav1d" --cross-file "$BUILD_DEF/tools/meson-wasm32-wasi.ini" \
    --prefix="$PREFIX" --libdir=lib --buildtype=plain --default-library=static \
    -Dc_args="$AFMPEG_OPT -I$nothreads" --wrap-mode=nofallback \
    -Db_ndebug=true -Db_staticpic=false -Dtrim_dsp=true \
    -Dbitdepths=8,16 -Denable_asm=false -Denable_tools=false -Denable_tests=false \
    -Denable_examples=false -Denable_docs=false -Dxxhash_muxer=disabled >&2
  ninja -C "$obj/build" -j"$JOBS" src/libdav1d.a >&2
  meson install -C "$obj/build" --no-rebuild >&2
  # libafmpeg-nothreads.a, the stand-ins' definitions, comes from steps/nothreads.sh.
  # meson's dav1d.pc knows nothing of the stand-ins dav1d links against.
  cat > "$PREFIX/lib/pkgconfig/dav1d.pc" <<PC
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: libdav1d
Description: AV1 decoding library for wasm32-wasi (afmpeg build)
Version: $(lock_field dav1d version)
Libs: -L\${libdir} -ldav1d -lafmpeg-nothreads
Cflags: -I\${includedir}
PC
)
