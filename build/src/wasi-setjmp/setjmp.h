/*
 * afmpeg: <setjmp.h> for wasm32-wasi, over WebAssembly exception handling.
 *
 * Why: libvpx (its decoders' and encoders' error exits) and FreeType (the smooth rasterizer, which
 * longjmps out of a band that overflows its cell pool and retries it smaller) need setjmp/longjmp,
 * and Debian 12's wasi-libc (2022) has none. clang 19 lowers setjmp/longjmp to wasm exception
 * handling when a file is compiled with `-mllvm -wasm-enable-sjlj` (AFMPEG_SJLJ_CFLAGS in
 * build/steps/env.sh); setjmp.c is the small runtime that lowering calls. Node (V8) and every
 * browser run the exceptions it uses without flags.
 * A longjmp must not cross a frame above the setjmp that made the buffer: the usual C rule.
 */
#ifndef AFMPEG_WASI_SETJMP_H
#define AFMPEG_WASI_SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif

/* What the runtime keeps (setjmp.c): the calling frame's invocation id and the setjmp's label,
 * with room to spare for code that copies a jmp_buf by size. */
typedef struct __afmpeg_jmp_buf { unsigned long __state[4]; } jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf env, int value);

/* The lowering recognises calls to setjmp and longjmp by name: the other spellings are those. */
#define _setjmp(env) setjmp(env)
#define _longjmp(env, value) longjmp(env, value)
#define sigsetjmp(env, savesigs) setjmp(env)
#define siglongjmp(env, value) longjmp(env, value)

#ifdef __cplusplus
}
#endif

#endif
