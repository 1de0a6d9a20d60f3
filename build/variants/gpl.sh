# gpl (default): the broad build (variants/broad.sh: every native component; broad-libs.sh: the
# external libraries users reach for) with H.264 encoding through libx264. GPL-2.0-or-later
# because of x264.
# shellcheck shell=bash
source "$BUILD_DEF/variants/broad.sh"
source "$BUILD_DEF/variants/broad-libs.sh"
VARIANT_LIBS=(zlib "${BROAD_LIBS[@]}" x264)
VARIANT_LICENCE="GPL-2.0-or-later"
# x264 with 8- and 10-bit encoders, as Debian ships it.
X264_VARIANT_FLAGS=()
VARIANT_FLAGS=(
  --enable-gpl --enable-zlib --enable-libx264
  "${BROAD_COMPONENT_FLAGS[@]}"
  "${BROAD_LIB_FLAGS[@]}"
)
