# Replaces wasm/<variant>/ with the brotli core modules and PROVENANCE.json, and stores jco's glue
# by content in wasm/glue/afmpeg-<sha256 prefix>.js: variants whose components import the same
# WASI interfaces get byte-identical glue (gpl and lgpl), so they share one file; a variant whose
# imports differ (lean uses fewer) gets its own. Each PROVENANCE.json pins its glue's sha256, which
# is how the engine finds and checks it. Glue no variant pins any more is removed.
# Uncompressed core modules are never committed.
# shellcheck shell=bash
log "install into ${WASM_DIR#"$REPO"/}"
rm -rf "$WASM_DIR"; mkdir -p "$WASM_DIR" "$(dirname "$WASM_DIR")/glue"
cp "$OUT_DIR/js/PROVENANCE.json" "$WASM_DIR/"
cp "$OUT_DIR/js/"*.wasm.br "$WASM_DIR/"
node "$BUILD_DEF/tools/store-glue.mjs" "$OUT_DIR/js/afmpeg.js" "$(dirname "$WASM_DIR")"
