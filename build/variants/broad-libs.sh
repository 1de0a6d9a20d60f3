# The external libraries of the broad variants (gpl and lgpl), in build order (each step is
# build/steps/<name>.sh), and the FFmpeg flags that use them: MP3 (LAME), Opus, Vorbis (with its
# Ogg), VP8/VP9 (libvpx), WebP, AV1 decode (dav1d), the SoX resampler, and text: drawtext
# (FreeType + FriBidi) and subtitle burn-in (libass, shaping with HarfBuzz). None is GPL.
# setjmp is afmpeg's setjmp/longjmp runtime, which libvpx and FreeType need (steps/setjmp.sh);
# nothreads the pthread stand-ins dav1d and openh264 compile against (steps/nothreads.sh).
# shellcheck shell=bash
BROAD_LIBS=(setjmp nothreads libogg libvorbis opus lame libsoxr libvpx libwebp dav1d freetype fribidi harfbuzz libass)
BROAD_LIB_FLAGS=(
  --enable-libmp3lame --enable-libopus --enable-libvorbis --enable-libvpx --enable-libwebp
  --enable-libdav1d --enable-libsoxr --enable-libfreetype --enable-libfribidi --enable-libass
)
