# libwebp (static, BSD-3-Clause) for the broad variants: libwebp (lossy and lossless encode and
# decode), libsharpyuv (its RGB->YUV conversion), libwebpmux (FFmpeg's animated WebP encoder,
# libwebp_anim) and libwebpdemux (cheap: one file). No tools, no image-format dependencies.
# shellcheck shell=bash
log "libwebp"
unpack_source libwebp
(
  obj="$OBJ_DIR/libwebp"
  rm -rf "$obj"; mkdir -p "$obj"
  # CMAKE_SYSTEM_NAME=Generic: CMake 3.25 knows no WASI platform; Generic is a bare static target.
  # WEBP_ENABLE_SIMD=OFF: its checks are for SSE/NEON intrinsics (probed with -msse2...), which
  # wasm32 has not; the plain C paths are compiled with -msimd128 ($AFMPEG_OPT) instead.
  # WEBP_USE_THREAD=OFF: no pthreads in a WASI component (its worker interface then runs inline).
  # OpenGL: the only find it makes with the tools off (for vwebp); keep the host's out.
  cmake -S "$SRC_DIR/libwebp" -B "$obj" -G Ninja \
    -DCMAKE_SYSTEM_NAME=Generic -DCMAKE_SYSTEM_PROCESSOR=wasm32 \
    -DCMAKE_C_COMPILER=afmpeg-cc -DCMAKE_AR="$(command -v llvm-ar-19)" \
    -DCMAKE_RANLIB="$(command -v llvm-ranlib-19)" \
    -DCMAKE_C_FLAGS="$AFMPEG_OPT" -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_INSTALL_LIBDIR=lib \
    -DCMAKE_DISABLE_FIND_PACKAGE_OpenGL=ON \
    -DBUILD_SHARED_LIBS=OFF -DWEBP_LINK_STATIC=ON \
    -DWEBP_ENABLE_SIMD=OFF -DWEBP_USE_THREAD=OFF -DWEBP_NEAR_LOSSLESS=ON \
    -DWEBP_BUILD_LIBWEBPMUX=ON -DWEBP_BUILD_ANIM_UTILS=OFF -DWEBP_BUILD_CWEBP=OFF \
    -DWEBP_BUILD_DWEBP=OFF -DWEBP_BUILD_GIF2WEBP=OFF -DWEBP_BUILD_IMG2WEBP=OFF \
    -DWEBP_BUILD_VWEBP=OFF -DWEBP_BUILD_WEBPINFO=OFF -DWEBP_BUILD_WEBPMUX=OFF \
    -DWEBP_BUILD_EXTRAS=OFF -DWEBP_BUILD_WEBP_JS=OFF -DWEBP_BUILD_FUZZTEST=OFF >&2
  # With the tools off, `all` is the libraries: sharpyuv, webp, webpmux, webpdemux and
  # webpdecoder (an archive of webp's decoder objects, no extra compiles; FFmpeg ignores it).
  ninja -C "$obj" -j"$JOBS" >&2
  cmake --install "$obj" >&2
)
