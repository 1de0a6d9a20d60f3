# Wraps the core module as a WASI preview2 command component and transpiles it to JS glue:
#   embed      the wit/ world afmpeg:ffmpeg/ffmpeg (the exit-status import)     tools/componentize.mjs
#   new        the preview1 command adapter pinned in build/toolchain.lock.json  tools/componentize.mjs
#   jco transpile --instantiation sync  ->  afmpeg.js, afmpeg.d.ts, afmpeg.core*.wasm
# The core modules are brotli-compressed for the repository; the engine decompresses them.
# shellcheck shell=bash
log "component"
node "$BUILD_DEF/tools/componentize.mjs" "$OUT_DIR/afmpeg.wasm" "$REPO/wit/exit-status.wit" ffmpeg "$ADAPTER" \
  "$OUT_DIR/afmpeg.component.wasm"
rm -rf "$OUT_DIR/js"
"$JCO" transpile "$OUT_DIR/afmpeg.component.wasm" --name afmpeg --instantiation sync \
  -q -o "$OUT_DIR/js" >&2
node "$BUILD_DEF/tools/compress.mjs" "$OUT_DIR/js"
