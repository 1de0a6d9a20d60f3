# gpl (default): the broad component set (variants/broad.sh: mp4/mov, mkv/webm, mp3, aac, wav,
# flac, ogg, mpegts, images, gif; every native libavfilter filter) with H.264 encoding through
# libx264. GPL-2.0-or-later because of x264.
# shellcheck shell=bash
source "$BUILD_DEF/variants/broad.sh"
VARIANT_LIBS=(zlib x264)
VARIANT_LICENCE="GPL-2.0-or-later"
# x264 with 8- and 10-bit encoders, as Debian ships it.
X264_VARIANT_FLAGS=()
VARIANT_FLAGS=(
  --enable-gpl --enable-zlib --enable-libx264
  "${BROAD_COMPONENT_FLAGS[@]}"
  --enable-encoder=libx264
)
