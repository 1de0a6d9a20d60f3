# FFmpeg configure options shared by every variant: how FFmpeg is built for a WASI component.
# No --disable-asm: it would force arch `c` and drop `--arch=wasm32`'s SIMD128 kernels (C
# intrinsics, patches/ffmpeg/0100-*); wasm has no other "asm" for configure to enable.
# shellcheck shell=bash
FFMPEG_COMMON_FLAGS=(
  --target-os=none --arch=wasm32 --enable-cross-compile
  --cc=afmpeg-cc --cxx=afmpeg-c++ --ar=llvm-ar-19 --ranlib=llvm-ranlib-19 --nm=llvm-nm-19
  --pkg-config=pkg-config --pkg-config-flags=--static
  --disable-pthreads --disable-w32threads --disable-os2threads
  --disable-network --disable-autodetect --disable-debug --disable-stripping --disable-doc
  --disable-runtime-cpudetect --disable-hwaccels
  --enable-static --disable-shared
  --disable-ffplay --enable-ffmpeg --enable-ffprobe
  --disable-devices
)
# Appended after the variant's flags (a variant's --disable-everything must not undo them):
# the lavfi test sources (-f lavfi -i testsrc2) need the lavfi input device and rawvideo, and
# `-f null` needs wrapped_avframe.
FFMPEG_ALWAYS_FLAGS=(
  --enable-indev=lavfi --enable-decoder=rawvideo --enable-encoder=wrapped_avframe --enable-muxer=null
  --enable-protocol=file,pipe
)
# The emulated POSIX pieces FFmpeg needs from wasi-libc (signal(), clock(), mmap(), getpid()).
FFMPEG_WASI_CFLAGS="-D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_GETPID"
FFMPEG_WASI_LIBS="-lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-mman -lwasi-emulated-getpid"
