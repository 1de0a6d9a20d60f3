# The single-threaded pthread stand-ins (build/src/wasi-nothreads, its header says why) as a
# library in the prefix, for every library written against pthreads: openh264 and dav1d. Each
# compiles with -I build/src/wasi-nothreads and links -lafmpeg-nothreads (their .pc files say so).
# shellcheck shell=bash
log "nothreads stand-ins"
(
  mkdir -p "$OBJ_DIR/nothreads" "$PREFIX/lib"
  afmpeg-cc $AFMPEG_OPT -D_WASI_EMULATED_SIGNAL -c "$BUILD_DEF/src/wasi-nothreads/nothreads.c" \
    -o "$OBJ_DIR/nothreads/nothreads.o"
  rm -f "$PREFIX/lib/libafmpeg-nothreads.a"
  llvm-ar-19 rcD "$PREFIX/lib/libafmpeg-nothreads.a" "$OBJ_DIR/nothreads/nothreads.o"
)
