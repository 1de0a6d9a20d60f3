# Wraps the core module as a WASI preview2 command component and transpiles it to JS glue:
#   embed      the wit/ world afmpeg:ffmpeg/ffmpeg (the exit-status import)     tools/componentize.mjs
#   new        the preview1 command adapter pinned in build/toolchain.lock.json  tools/componentize.mjs
#   jco transpile --instantiation sync  ->  afmpeg.js, afmpeg.core*.wasm
#   patch-glue    jco's per-call debug-log check decided once, and sync host calls made without
#                 its async-task bookkeeping (tools/patch-glue.mjs says why)
# jco's TypeScript declarations are dropped: nothing imports them (the engine types its own host).
# The core modules are brotli-compressed for the repository; the engine decompresses them.
# shellcheck shell=bash
log "component"
node "$BUILD_DEF/tools/componentize.mjs" "$OUT_DIR/afmpeg.wasm" "$REPO/wit/exit-status.wit" ffmpeg "$ADAPTER" \
  "$OUT_DIR/afmpeg.component.wasm"
rm -rf "$OUT_DIR/js"
if node "$BUILD_DEF/tools/exception-twin.mjs" needs "$OUT_DIR/afmpeg.wasm"; then
  # The module uses wasm exceptions (setjmp/longjmp, steps/setjmp.sh), which jco's transpiler
  # refuses: transpile a twin without them, then install the real module (tools/exception-twin.mjs
  # says why that is exact).
  "$WASM_OPT" --enable-exception-handling --strip-eh "$OUT_DIR/afmpeg.wasm" -o "$OUT_DIR/afmpeg.twin.wasm"
  node "$BUILD_DEF/tools/componentize.mjs" "$OUT_DIR/afmpeg.twin.wasm" "$REPO/wit/exit-status.wit" ffmpeg \
    "$ADAPTER" "$OUT_DIR/afmpeg.twin.component.wasm"
  "$JCO" transpile "$OUT_DIR/afmpeg.twin.component.wasm" --name afmpeg --instantiation sync \
    -q -o "$OUT_DIR/js" >&2
  node "$BUILD_DEF/tools/exception-twin.mjs" install "$OUT_DIR/afmpeg.twin.component.wasm" \
    "$OUT_DIR/afmpeg.component.wasm" "$OUT_DIR/js/afmpeg.core.wasm"
else
  "$JCO" transpile "$OUT_DIR/afmpeg.component.wasm" --name afmpeg --instantiation sync \
    -q -o "$OUT_DIR/js" >&2
fi
rm -rf "$OUT_DIR/js/afmpeg.d.ts" "$OUT_DIR/js/interfaces"
node "$BUILD_DEF/tools/patch-glue.mjs" "$OUT_DIR/js/afmpeg.js"
node "$BUILD_DEF/tools/compress.mjs" "$OUT_DIR/js"
