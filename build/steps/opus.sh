# Opus (static, BSD-3-Clause) for FFmpeg's libopus encoder and decoder: floating point (the
# default, which FFmpeg's float-sample wrapper uses), plain C (no x86/ARM intrinsics or asm, no
# run-time CPU detection; -msimd128 lets clang vectorize the C), no deep-learning extras (DRED,
# deep PLC, OSCE stay at their default: off). Library, headers and opus.pc only.
# shellcheck shell=bash
log "opus"
unpack_source opus
(
  obj="$OBJ_DIR/opus"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # --host: the triplet x264.sh uses (libogg.sh says why; this config.sub would also take
  # wasm32-wasi, but nothing in opus's configure keys on it). --disable-stack-protector: a wasm
  # return address lives outside linear memory, where no overflow reaches, and wasi-libc has no
  # __stack_chk_fail for it to call.
  CC=afmpeg-cc AR=llvm-ar-19 RANLIB=llvm-ranlib-19 NM=llvm-nm-19 CFLAGS="$AFMPEG_OPT" \
    "$SRC_DIR/opus/configure" --host=wasm32-unknown-linux-gnu --prefix="$PREFIX" \
      --enable-static --disable-shared --disable-asm --disable-intrinsics --disable-rtcd \
      --disable-stack-protector --disable-extra-programs --disable-doc \
      --disable-dred --disable-deep-plc --disable-osce >&2
  # The library only (opus's Makefile is not recursive; `all` would add the demo and tests).
  make -j"$JOBS" libopus.la >&2
  make install-libLTLIBRARIES install-pkgincludeHEADERS install-pkgconfigDATA >&2
  rm -f "$PREFIX/lib/libopus.la"
)
