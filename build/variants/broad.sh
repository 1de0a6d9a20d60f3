# The broad component set shared by gpl and lgpl (R-AF-16): real FFmpeg, not a subset. Every
# native decoder, encoder, demuxer, muxer, parser, bitstream filter and filter FFmpeg 5.1 builds
# for wasm32-wasi; configure itself drops what needs threads (the fifo muxer, the async
# protocol), a network (common.sh: --disable-network), a device (--disable-devices) or a library
# the variant does not link. A variant adds its external libraries (variants/gpl.sh, lgpl.sh).
# shellcheck shell=bash
BROAD_COMPONENT_FLAGS=(
  # Protocols are the one list kept short: a WASI component reads and writes its volume only.
  # concatf/subfile/crypto/cache/tee are local; md5 is how FFmpeg's own tests check outputs.
  --disable-protocols
  --enable-protocol=file,pipe,data,concat,concatf,subfile,md5,crypto,cache,tee
)
