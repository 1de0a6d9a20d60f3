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
  # FFmpeg's own test suite (npm run fate) checks its outputs with these: the crc and nut muxers,
  # the md5: protocol, and the pgmyuv images its video tests start from. Small, and they let the
  # lavf-*, seek-*, pixfmt-* and vsynth-based filter tests run through the engine.
  --enable-muxer=crc,nut --enable-demuxer=nut --enable-protocol=md5
  --enable-decoder=pgmyuv,pgm,ppm,pam --enable-encoder=pgmyuv,pgm,ppm,pam,bmp
  # The PCM family and its plain containers: a few KB, and FATE's acodec-pcm, lavf-audio and
  # seek-acodec tests exercise the audio paths (resampling, sample formats) with them.
  --enable-encoder=pcm_alaw,pcm_mulaw,pcm_s8,pcm_u16be,pcm_u16le,pcm_s24be,pcm_u24be,pcm_u24le
  --enable-encoder=pcm_s32be,pcm_u32be,pcm_u32le,pcm_f32be,pcm_f64be,pcm_f64le,pcm_s8_planar
  --enable-encoder=pcm_s16be_planar,pcm_s16le_planar,pcm_s24le_planar,pcm_s32le_planar
  --enable-decoder=pcm_s8,pcm_u16be,pcm_u16le,pcm_s24be,pcm_u24be,pcm_u24le,pcm_s32be,pcm_u32be
  --enable-decoder=pcm_u32le,pcm_f32be,pcm_f64be,pcm_s8_planar,pcm_s16be_planar,pcm_s16le_planar
  --enable-decoder=pcm_s24le_planar,pcm_s32le_planar
  --enable-muxer=aiff,au,w64,pcm_alaw,pcm_mulaw --enable-demuxer=aiff,au,w64,pcm_alaw,pcm_mulaw
)
