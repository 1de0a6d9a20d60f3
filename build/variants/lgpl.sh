# lgpl: the gpl variant's broad build with no GPL part: H.264 encoding through openh264
# (BSD-2-Clause) instead of x264, and --enable-gpl off (which also drops FFmpeg's few GPL-only
# filters and encoders). LGPL-2.1-or-later.
# shellcheck shell=bash
source "$BUILD_DEF/variants/broad.sh"
source "$BUILD_DEF/variants/broad-libs.sh"
VARIANT_LIBS=(zlib "${BROAD_LIBS[@]}" openh264)
VARIANT_LICENCE="LGPL-2.1-or-later"
VARIANT_FLAGS=(
  --enable-zlib --enable-libopenh264
  "${BROAD_COMPONENT_FLAGS[@]}"
  "${BROAD_LIB_FLAGS[@]}"
  # openh264 is built encoder-only (steps/openh264.sh); FFmpeg's own h264 decoder decodes.
  --disable-decoder=libopenh264
)
