# libsoxr (static, LGPL-2.1-or-later), the SoX resampler behind FFmpeg's aresample=resampler=soxr:
# its plain-C engines only (HQ/VHQ constant rate, HQ variable rate), single-threaded. Library,
# soxr.h and soxr.pc only; no tests, examples, libsamplerate bindings or docs. Its callbacks
# get exact signatures for WebAssembly's typed indirect calls (patches/libsoxr/0001 says why).
# shellcheck shell=bash
log "libsoxr"
unpack_source libsoxr
(
  obj="$OBJ_DIR/libsoxr"
  rm -rf "$obj"; mkdir -p "$obj"; cd "$obj"
  # A CMake toolchain for wasm32-wasi: "Generic" because CMake 3.25 has no WASI platform; the
  # processor is named so that soxr's cross-compiling probe (SetSystemProcessor.cmake) does not
  # guess one. Libraries and headers are searched only in the prefix and the sysroot.
  cat > wasm32-wasi.cmake <<CMAKE
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(CMAKE_C_COMPILER afmpeg-cc)
set(CMAKE_AR "$(command -v llvm-ar-19)")
set(CMAKE_RANLIB "$(command -v llvm-ranlib-19)")
set(CMAKE_NM "$(command -v llvm-nm-19)")
set(CMAKE_C_FLAGS_INIT "$AFMPEG_OPT")
set(CMAKE_FIND_ROOT_PATH "$PREFIX;$SYSROOT")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
CMAKE
  # WITH_CR32S/WITH_CR64S off: those engines are SSE/AVX/NEON intrinsics (and PFFFT with them);
  # the C engines that stay are what the SIMD ones would replace. WITH_OPENMP off: no threads.
  # -Wno-dev: soxr 0.1.3 predates the CMake policies 3.25 warns about (CMP0075 and the like).
  cmake -G Ninja -Wno-dev -S "$SRC_DIR/libsoxr" -B . \
    -DCMAKE_TOOLCHAIN_FILE="$obj/wasm32-wasi.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_SHARED_LIBS=OFF \
    -DWITH_OPENMP=OFF -DWITH_CR32S=OFF -DWITH_CR64S=OFF -DWITH_AVFFT=OFF \
    -DWITH_LSR_BINDINGS=OFF -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF >&2
  ninja -j"$JOBS" soxr >&2
  # By hand rather than `cmake --install`, which would also install README/LICENCE/NEWS as docs.
  mkdir -p "$PREFIX/lib/pkgconfig" "$PREFIX/include"
  cp src/libsoxr.a "$PREFIX/lib/"
  cp "$SRC_DIR/libsoxr/src/soxr.h" "$PREFIX/include/"
  cp src/soxr.pc "$PREFIX/lib/pkgconfig/"
)
