# Wraps the core module as a WASI preview2 command component and transpiles it to JS glue:
#   embed      the wit/ world afmpeg:ffmpeg/ffmpeg (the exit-status import)     tools/componentize.mjs
#   new        the preview1 command adapter pinned in build/toolchain.lock.json  tools/componentize.mjs
#   jco transpile --instantiation sync  ->  afmpeg.js, afmpeg.core*.wasm
#   patch-glue    jco's per-call debug-log check decided once (tools/patch-glue.mjs says why)
# jco's TypeScript declarations are dropped: nothing imports them (the engine types its own host).
# The core modules are brotli-compressed for the repository; the engine decompresses them.
# shellcheck shell=bash
log "component"
node "$BUILD_DEF/tools/componentize.mjs" "$OUT_DIR/afmpeg.wasm" "$REPO/wit/exit-status.wit" ffmpeg "$ADAPTER" \
  "$OUT_DIR/afmpeg.component.wasm"
rm -rf "$OUT_DIR/js"
"$JCO" transpile "$OUT_DIR/afmpeg.component.wasm" --name afmpeg --instantiation sync \
  -q -o "$OUT_DIR/js" >&2
rm -rf "$OUT_DIR/js/afmpeg.d.ts" "$OUT_DIR/js/interfaces"
node "$BUILD_DEF/tools/patch-glue.mjs" "$OUT_DIR/js/afmpeg.js"
node "$BUILD_DEF/tools/compress.mjs" "$OUT_DIR/js"
