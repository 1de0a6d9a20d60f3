# x264's own tools/checkasm.c, built for wasm32-wasi with the flags and objects of the x264 step,
# run under Node (tools/run-wasi.mjs): proves every SIMD128 kernel (build/src/x264-wasm/)
# bit-exact against x264's C. Any mismatch fails the build. gpl and lean only (x264 variants).
# AFMPEG_CHECKASM_BENCH=1 also runs `checkasm8 --bench` and keeps its table in the build tree
# ($BUILD_DIR/checkasm-x264-bench.txt; the numbers in build/README.md come from it).
# shellcheck shell=bash
log "checkasm-x264"
(
  cd "$SRC_DIR/x264"
  grep -q '^#define HAVE_WASM_SIMD128 1$' config.h || die "x264 built without SIMD128: nothing to check"
  # checkasm's buffers are on the stack: the same 8 MiB stack as the ffmpeg link.
  make -j"$JOBS" checkasm LDFLAGS="-lm $AFMPEG_LDOPT -Wl,--stack-first -Wl,-z,stack-size=8388608" >&2
  for bin in checkasm8 checkasm10; do
    [[ -f "$bin" ]] || continue
    # a fixed seed: the same random inputs every build
    node "$BUILD_DEF/tools/run-wasi.mjs" "$bin" 1700000000 >&2 || die "x264 $bin failed: a SIMD128 kernel differs from the C"
  done
  if [[ "${AFMPEG_CHECKASM_BENCH:-0}" == 1 ]]; then
    node "$BUILD_DEF/tools/run-wasi.mjs" checkasm8 --bench 1700000000 > "$BUILD_DIR/checkasm-x264-bench.txt" \
      || die "x264 checkasm8 --bench failed"
  fi
)
