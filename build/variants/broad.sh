# The broad component set shared by gpl and lgpl (everything except their H.264 encoder):
# what a general user reaches for after the R-AF-3 baseline, plus every native libavfilter filter.
# shellcheck shell=bash
BROAD_COMPONENT_FLAGS=(
  --disable-everything
  --enable-indev=lavfi
  --enable-protocol=file,pipe,data,concat,subfile
  --enable-filters
  --enable-demuxer=mov,matroska,mp3,aac,wav,flac,ogg,mpegts,avi,flv,image2,image2pipe,gif,concat
  --enable-demuxer=image_png_pipe,image_jpeg_pipe,image_webp_pipe,image_bmp_pipe,image_gif_pipe,h264,hevc,m4v,rawvideo,pcm_s16le
  --enable-demuxer=ffmetadata,srt,ass,webvtt
  --enable-muxer=mp4,mov,ipod,matroska,webm,wav,flac,ogg,opus,adts,mpegts,image2,image2pipe,gif
  --enable-muxer=null,framemd5,framecrc,md5,hash,h264,rawvideo,pcm_s16le,ffmetadata,segment,srt,ass,webvtt
  --enable-decoder=h264,hevc,vp8,vp9,mpeg4,mpeg1video,mpeg2video,mjpeg,png,webp,gif,bmp,tiff,rawvideo
  --enable-decoder=aac,aac_latm,mp3,mp3float,mp2,mp2float,flac,vorbis,opus,ac3,eac3,alac
  --enable-decoder=pcm_s16le,pcm_s16be,pcm_s24le,pcm_s32le,pcm_f32le,pcm_f64le,pcm_u8,pcm_mulaw,pcm_alaw
  --enable-decoder=srt,subrip,ass,ssa,webvtt,movtext
  --enable-encoder=aac,png,mjpeg,gif,flac,rawvideo,wrapped_avframe
  --enable-encoder=pcm_s16le,pcm_s16be,pcm_s24le,pcm_s32le,pcm_f32le,pcm_u8
  --enable-encoder=srt,subrip,ass,ssa,webvtt,movtext
  --enable-parser=h264,hevc,vp8,vp9,mpeg4video,mpegvideo,mjpeg,png,webp,gif,bmp
  --enable-parser=aac,aac_latm,mpegaudio,flac,vorbis,opus,ac3
  --enable-bsf=aac_adtstoasc,h264_mp4toannexb,hevc_mp4toannexb,extract_extradata,vp9_superframe
  --enable-bsf=vp9_superframe_split,h264_metadata,null,setts,dump_extradata
)
