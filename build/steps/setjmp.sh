# setjmp/longjmp for the libraries that need them (libvpx, FreeType): the header and runtime of
# build/src/wasi-setjmp/ (setjmp.h says why), installed into the prefix. Libraries that include
# <setjmp.h> compile with $AFMPEG_SJLJ_CFLAGS; the final link lowers their LTO code the same way.
# shellcheck shell=bash
log "setjmp runtime"
(
  sj="$BUILD_DEF/src/wasi-setjmp"
  mkdir -p "$OBJ_DIR/setjmp" "$PREFIX/include/wasi-setjmp" "$PREFIX/lib"
  cp "$sj/setjmp.h" "$PREFIX/include/wasi-setjmp/"
  # ${AFMPEG_OPT/-flto/}: a plain object, not bitcode (setjmp.c says why).
  afmpeg-cc ${AFMPEG_OPT/-flto/} -mllvm -wasm-enable-sjlj -c "$sj/setjmp.c" -o "$OBJ_DIR/setjmp/setjmp.o"
  rm -f "$PREFIX/lib/libafmpeg-setjmp.a"
  llvm-ar-19 rcD "$PREFIX/lib/libafmpeg-setjmp.a" "$OBJ_DIR/setjmp/setjmp.o"
)
