#!/usr/bin/env bash
# The native yardstick for a machine that has no FFmpeg: a static x86-64 `ffmpeg` (FFmpeg and x264
# from the build's pinned, sha256-verified tarballs, unpatched: the FFmpeg a user would install),
# with its assembly and threads, as Debian's. It depends on nothing, so it runs on a bare machine
# (the library's 16-core device, which has no FFmpeg and no package registry).
#
#   bench/device/native-ffmpeg.sh        -> prints the path of the built ffmpeg
#
# A bench tool only: nothing here is part of the package. Needs gcc, make, nasm, pkg-config and
# zlib1g-dev (PNG, which the reel's cards and the logo need, is zlib's).
# Reuses the build while the tarballs and this script are unchanged. AFMPEG_JOBS (default 2).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
VARIANT=gpl # env.sh wants one; nothing here is the variant's
# shellcheck source=../../build/steps/env.sh
source "$here/../../build/steps/env.sh"
# shellcheck source=../../build/steps/sources.sh
source "$BUILD_DEF/steps/sources.sh"
# The wasm build's settings are not this build's.
export PATH="${PATH#"$BUILD_DEF/tools/bin:"}"
unset PKG_CONFIG_LIBDIR PKG_CONFIG_PATH AFMPEG_SYSROOT

BUILD_DIR="$AFMPEG_BUILD_ROOT/native-static"
SRC_DIR="$BUILD_DIR/src"
prefix="$BUILD_DIR/prefix"
stamp="$({ lock_field ffmpeg sha256; lock_field x264 sha256; sha256sum "$0"; } | sha256sum | cut -d' ' -f1)"
if [[ "$(cat "$BUILD_DIR/.stamp" 2>/dev/null)" == "$stamp" && -x "$prefix/bin/ffmpeg" ]]; then
  echo "$prefix/bin/ffmpeg"
  exit 0
fi
rm -rf "$BUILD_DIR"
mkdir -p "$SRC_DIR" "$prefix"
unpacked() { # name -> $SRC_DIR/name, from the verified tarball, without afmpeg's patches
  local dest="$SRC_DIR/$1"
  mkdir -p "$dest"
  tar -xf "$(fetch_source "$1")" -C "$dest" --strip-components=1 --no-same-owner
  echo "$dest"
}

log "native: x264 (static library, its assembly)"
x264="$(unpacked x264)"
(cd "$x264" && ./configure --prefix="$prefix" --enable-static --disable-cli --disable-opencl \
  --disable-lavf --disable-swscale --disable-ffms --disable-gpac --disable-lsmash > configure.out &&
  make -s -j"$JOBS" && make -s install) >&2

log "native: FFmpeg (static, every native component, libx264)"
ffmpeg="$(unpacked ffmpeg)"
# --disable-autodetect: no system library is picked up but zlib, linked in, so the one binary
# needs nothing beside it.
(cd "$ffmpeg" && PKG_CONFIG_PATH="$prefix/lib/pkgconfig" ./configure --prefix="$prefix" \
  --enable-gpl --enable-libx264 --enable-static --disable-shared --pkg-config-flags=--static \
  --extra-ldflags=-static --disable-autodetect --enable-zlib --enable-pthreads --disable-network \
  --disable-doc --disable-ffplay --disable-debug > configure.out &&
  make -s -j"$JOBS" && make -s install) >&2 || { tail -30 "$ffmpeg/ffbuild/config.log" >&2; die "native FFmpeg failed"; }
echo "$stamp" > "$BUILD_DIR/.stamp"
echo "$prefix/bin/ffmpeg"
