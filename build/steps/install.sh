# Replaces wasm/<variant>/ with the glue, the brotli core modules and PROVENANCE.json.
# Uncompressed core modules are never committed.
# shellcheck shell=bash
log "install into ${WASM_DIR#"$REPO"/}"
rm -rf "$WASM_DIR"; mkdir -p "$WASM_DIR"
cp "$OUT_DIR/js/afmpeg.js" "$OUT_DIR/js/afmpeg.d.ts" "$OUT_DIR/js/PROVENANCE.json" "$WASM_DIR/"
cp "$OUT_DIR/js/"*.wasm.br "$WASM_DIR/"
if [[ -d "$OUT_DIR/js/interfaces" ]]; then cp -r "$OUT_DIR/js/interfaces" "$WASM_DIR/"; fi
