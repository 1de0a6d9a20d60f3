# lean: only the reel path, as small as it can be: png/jpeg/mp3/wav in, the R-AF-3 filters and
# the helpers ffmpeg inserts itself, libx264 + aac into mp4/mov out.
# shellcheck shell=bash
VARIANT_LIBS=(zlib x264)
VARIANT_LICENCE="GPL-2.0-or-later"
# 8-bit H.264 only: the reel path never needs x264's 10-bit encoder (half of x264's code).
X264_VARIANT_FLAGS=(--bit-depth=8)
VARIANT_FLAGS=(
  --enable-gpl --enable-zlib --enable-libx264
  --disable-everything
  --enable-indev=lavfi
  --enable-protocol=file,pipe
  --enable-demuxer=mov,mp3,wav,image2,image_png_pipe,image_jpeg_pipe,aac,concat
  --enable-muxer=mp4,mov,null,image2
  --enable-decoder=png,mjpeg,mp3,mp3float,aac,pcm_s16le,pcm_s24le,pcm_f32le,h264,rawvideo
  --enable-encoder=libx264,aac,png
  --enable-parser=png,mjpeg,mpegaudio,aac,h264
  --enable-bsf=aac_adtstoasc,h264_mp4toannexb,extract_extradata
  --enable-filter=scale,crop,pad,fps,format,setsar,overlay,concat,xfade,amix,adelay,volume
  --enable-filter=afade,alimiter,aresample,null,anull,split,asplit,trim,atrim,setpts,asetpts
  --enable-filter=aformat,testsrc2,testsrc,sine,color,anullsrc,nullsrc
  --enable-filter=transpose,hflip,vflip,fade,loop,aloop,apad,amerge,pan,setdar,fifo,afifo
)
