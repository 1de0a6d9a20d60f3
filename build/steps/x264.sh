# x264 (static, GPL) for the gpl and lean variants: no asm, no threads, no CLI.
# shellcheck shell=bash
log "x264"
unpack_source x264
(
  cd "$SRC_DIR/x264"
  # afmpeg's WebAssembly SIMD128 kernels (build/src/x264-wasm/, hooked in by
  # patches/x264/0001-wasm-simd128-dispatch.patch) go where x264 keeps its arch code.
  mkdir -p common/wasm
  cp "$BUILD_DEF"/src/x264-wasm/*.[ch] common/wasm/
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 STRIP=llvm-strip-19 \
    ./configure --host=wasm32-unknown-linux-gnu --prefix="$PREFIX" \
      --disable-asm --disable-thread --disable-cli --enable-static --disable-opencl \
      --disable-avs --disable-swscale --disable-lavf --disable-ffms --disable-gpac --disable-lsmash \
      --extra-cflags="$AFMPEG_OPT" "${X264_VARIANT_FLAGS[@]}" >&2
  # x264 turns off the compiler's auto-vectorizer because its asm does the vectorizing; without
  # asm, wasm SIMD from the vectorizer is all it gets. Whether to keep it off is a measured
  # choice (build/README.md, flag table): AFMPEG_X264_VECTORIZE=1 (the default) lets clang vectorize.
  if [[ "$AFMPEG_X264_VECTORIZE" == 1 ]]; then
    sed -i 's/ -fno-tree-vectorize//g' config.mak
  fi
  # wasi-libc declares memalign in <malloc.h> but does not define it.
  sed -i 's/^#define HAVE_MALLOC_H 1$/#define HAVE_MALLOC_H 0/' config.h
  grep -q '^#define HAVE_MALLOC_H 0$' config.h || die "x264 config.h: HAVE_MALLOC_H not set to 0"
  # The SIMD128 kernels need -msimd128; configure knows nothing of wasm, so the build says it.
  if [[ " $AFMPEG_OPT " == *" -msimd128 "* ]]; then
    echo '#define HAVE_WASM_SIMD128 1' >> config.h
  fi
  make -j"$JOBS" libx264.a >&2
  make install-lib-static >&2
)
