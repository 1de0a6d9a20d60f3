# openh264 (static, BSD-2-Clause) for the lgpl variant: C++ against Debian's wasm32 libc++,
# no asm, no threads (single-threaded pthread stand-ins from build/src/wasi-nothreads), no
# exceptions (-fno-exceptions; the library code has no try/catch/throw). Encoder only: FFmpeg
# decodes H.264 with its own decoder.
# shellcheck shell=bash
log "openh264"
unpack_source openh264
(
  cd "$SRC_DIR/openh264"
  nothreads="$BUILD_DEF/src/wasi-nothreads"
  common=(OS=linux ARCH=wasm32 USE_ASM=No BUILDTYPE=Release USE_STACK_PROTECTOR=No
    CC=afmpeg-cc CXX=afmpeg-c++ AR=llvm-ar-19 PREFIX="$PREFIX"
    "CFLAGS_OPT=$AFMPEG_OPT -fno-rtti -D_WASI_EMULATED_SIGNAL -I$nothreads")
  # The encoder half only: openh264's decoder needs more of POSIX than wasi-libc has.
  make -j"$JOBS" "${common[@]}" libencoder.a libprocessing.a libcommon.a >&2
  rm -f libopenh264.a
  printf 'CREATE libopenh264.a\nADDLIB libencoder.a\nADDLIB libprocessing.a\nADDLIB libcommon.a\nSAVE\nEND\n' |
    llvm-ar-19 -M >&2
  make "${common[@]}" install-headers >&2
  mkdir -p "$PREFIX/lib"
  cp libopenh264.a "$PREFIX/lib/"
  # libafmpeg-nothreads.a, the stand-ins' definitions, comes from steps/nothreads.sh.
  # FFmpeg finds openh264 through pkg-config: link it with libc++ (not libstdc++) and the
  # stand-ins, no libpthread.
  mkdir -p "$PREFIX/lib/pkgconfig"
  cat > "$PREFIX/lib/pkgconfig/openh264.pc" <<PC
prefix=$PREFIX
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: OpenH264
Description: OpenH264 for wasm32-wasi (afmpeg build)
Version: $(lock_field openh264 version)
Libs: -L\${libdir} -lopenh264 -lafmpeg-nothreads -lc++ -lc++abi -lwasi-emulated-signal
Cflags: -I\${includedir}
PC
)
