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
  # Meson's cross file: system 'wasi' is what patches/dav1d/0001 keys on; no exe_wrapper, so meson
  # only compiles and links its checks, never runs them.
  c_args="$(printf "'%s', " $AFMPEG_OPT "-I$nothreads")"
  cat > "$obj/wasm32-wasi.meson" <<CROSS
[binaries]
c = 'afmpeg-cc'
ar = 'llvm-ar-19'
strip = 'true'
pkg-config = 'false'

[built-in options]
c_args = [${c_args%, }]

[properties]
needs_exe_wrapper = true

[host_machine]
system = 'wasi'
cpu_family = 'wasm32'
cpu = 'wasm32'
endian = 'little'
CROSS
  # buildtype plain: the flags are $AFMPEG_OPT's; b_ndebug and trim_dsp as a release build has
  # them (no asserts; drop DSP functions the C code never selects). b_staticpic=false: -fPIC on
  # wasm32 means GOT-relative code for dynamic linking, which a static module does not want.
  meson setup "$obj/build" "$SRC_DIR/dav1d" --cross-file "$obj/wasm32-wasi.meson" \
    --prefix="$PREFIX" --libdir=lib --buildtype=plain --default-library=static \
    -Db_ndebug=true -Db_staticpic=false -Dtrim_dsp=true \
    -Dbitdepths=8,16 -Denable_asm=false -Denable_tools=false -Denable_tests=false \
    -Denable_examples=false -Denable_docs=false -Dxxhash_muxer=disabled >&2
  ninja -C "$obj/build" -j"$JOBS" src/libdav1d.a >&2
  meson install -C "$obj/build" --no-rebuild >&2
  # The stand-ins' definitions (steps/openh264.sh builds the same archive for the lgpl variant).
  afmpeg-cc $AFMPEG_OPT -D_WASI_EMULATED_SIGNAL -c "$nothreads/nothreads.c" -o "$obj/nothreads.o"
  rm -f "$PREFIX/lib/libafmpeg-nothreads.a"
  llvm-ar-19 rcD "$PREFIX/lib/libafmpeg-nothreads.a" "$obj/nothreads.o"
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
