# FFmpeg's own checkasm (tests/checkasm), built for wasm32-wasi against this variant's libraries
# and run in Node (tools/run-wasi.mjs): every WebAssembly SIMD128 kernel (src/ffmpeg-wasm/) is
# compared with FFmpeg's C function on random inputs, and the build fails if one differs.
# patches/ffmpeg/0101-* adds the simd128 cpu flag, a timer and the exact sw_scale tests; 0103-* the
# exact h264chroma, H.264 weighted-prediction and idct_add8 tests and stronger h264qpel, h264pred
# and h264dsp ones; 0104-* the planar RGB input tests; 0106-* the xfade fade row test; 0107-* and
# 0108-* the packed RGB (table, 1- and 2-tap, full-chroma), high-bit-depth and nv12 output tests.
# Its --bench numbers (ns per call) are recorded in build/README.md.
# shellcheck shell=bash
log "ffmpeg checkasm"
FFMPEG_OBJ="$OBJ_DIR/ffmpeg"
# The tests keep their buffers on the stack: the same 8 MiB stack, first, as the real module
# (steps/link.sh), so an overflow traps instead of overwriting data.
(cd "$FFMPEG_OBJ" && make -j"$JOBS" checkasm LDEXEFLAGS="-Wl,--stack-first -Wl,-z,stack-size=8388608" >&2)
# The groups that have SIMD128 kernels (add a group here with its kernels). Not all groups: some
# of FFmpeg 5.1's tests call C functions through a mistyped pointer (vf_blend omits `starty`),
# harmless on x86 but a trap on wasm, where call signatures are checked.
CHECKASM_TESTS=(sw_scale sw_rgb sw_gbrp h264chroma h264dsp h264pred h264qpel vf_xfade)
for test in "${CHECKASM_TESTS[@]}"; do
  (cd "$FFMPEG_OBJ" && node "$BUILD_DEF/tools/run-wasi.mjs" tests/checkasm/checkasm --test="$test" >&2) ||
    die "FFmpeg checkasm $test failed: a SIMD128 kernel differs from FFmpeg's C code (see above; rerun with the printed seed)"
done
