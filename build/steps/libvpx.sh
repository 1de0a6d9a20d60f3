# libvpx (static, BSD-3-Clause): VP8 and VP9, encoders and decoders, for the broad variants.
# generic-gnu target (plain C, no asm, no runtime CPU detection), single-threaded; the C code is
# compiled with -msimd128 through $AFMPEG_OPT so clang may vectorize it.
# libvpx leaves its decoders and encoders on a corrupt frame (or an allocation failure) with
# longjmp (vpx_internal_error): it is compiled with $AFMPEG_SJLJ_CFLAGS and links the setjmp
# runtime (steps/setjmp.sh), so a bad frame comes back as an error code, not a trap.
# shellcheck shell=bash
log "libvpx"
unpack_source libvpx
(
  obj="$OBJ_DIR/libvpx"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # --disable-webm-io, --disable-libyuv: the C++ helpers of the (disabled) command-line tools.
  # --disable-vp9-highbitdepth: as Debian builds it; FFmpeg decodes high-bit-depth VP9 natively.
  CC=afmpeg-cc CXX=afmpeg-c++ AR=llvm-ar-19 LD=afmpeg-cc NM=llvm-nm-19 STRIP=true \
    "$SRC_DIR/libvpx/configure" --target=generic-gnu --prefix="$PREFIX" \
    --enable-static --disable-shared --disable-multithread --disable-runtime-cpu-detect \
    --enable-vp8 --enable-vp9 --disable-vp9-highbitdepth \
    --disable-examples --disable-tools --disable-docs --disable-unit-tests \
    --disable-install-bins --disable-install-docs --disable-install-srcs \
    --disable-webm-io --disable-libyuv --disable-debug --disable-debug-libs \
    --disable-dependency-tracking \
    --extra-cflags="$AFMPEG_OPT $AFMPEG_SJLJ_CFLAGS" >&2
  # configure writes its own command line into vpx_config.c (vpx_codec_build_config()), build
  # root included: the same prefix map as the compiler's, or a build in another root differs.
  sed -i "s#$BUILD_DIR#/afmpeg-build#g" vpx_config.c
  ! grep -q "$BUILD_DIR" vpx_config.c || die "libvpx: the build root is still in vpx_config.c"
  make -j"$JOBS" libvpx.a >&2
  # install: libvpx.a, its public headers and a vpx.pc that is replaced below.
  make install >&2
  # libvpx's own vpx.pc says nothing of the setjmp runtime its error exits call into.
  cat > "$PREFIX/lib/pkgconfig/vpx.pc" <<PC
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: vpx
Description: WebM Project VPx codec implementation for wasm32-wasi (afmpeg build)
Version: $(lock_field libvpx version)
Libs: -L\${libdir} -lvpx -lafmpeg-setjmp -lm
Cflags: -I\${includedir}
PC
)
