/*
 * afmpeg: the runtime clang 19's setjmp/longjmp lowering for WebAssembly calls (see setjmp.h for
 * why afmpeg needs it). The lowering turns each function that calls setjmp into one that records
 * the setjmp's label in the buffer, runs its body inside a catch for the C longjmp exception tag,
 * and on a catch asks __wasm_setjmp_test whether the buffer belongs to this invocation: if so it
 * resumes at that label, else it rethrows. longjmp becomes __wasm_longjmp, which throws.
 *
 * Built as a plain object, never LTO bitcode: the LTO code generator emits the calls to these
 * functions after bitcode symbols are resolved, so they must already be native code.
 */
#include <stdint.h>

struct jmp_state {
  uintptr_t invocation; /* the frame that called setjmp (its func_invocation_id) */
  uint32_t label;       /* which setjmp in that frame */
};

/* What the exception carries; the lowered catch reads the buffer and the value from it. */
struct longjmp_arg {
  void *env;
  int value;
};

/* One at a time: a WASI component is single-threaded, and a longjmp lands before the next. */
static struct longjmp_arg pending;

void __wasm_setjmp(void *env, uint32_t label, void *invocation) {
  struct jmp_state *state = env;
  state->invocation = (uintptr_t)invocation;
  state->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *invocation) {
  struct jmp_state *state = env;
  return state->invocation == (uintptr_t)invocation ? state->label : 0;
}

void __wasm_longjmp(void *env, int value) {
  pending.env = env;
  /* C: longjmp(env, 0) makes setjmp return 1. */
  pending.value = value == 0 ? 1 : value;
  __builtin_wasm_throw(1, &pending); /* tag 1: the C longjmp tag, __c_longjmp */
}
