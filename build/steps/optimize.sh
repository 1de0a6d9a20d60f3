# binaryen's wasm-opt over the linked core module, before it becomes a component. Whether and
# at which level is a measured choice (build/README.md, flag table). -g keeps the name section,
# so a guest trap still names the function it happened in.
# shellcheck shell=bash
if [[ -n "$AFMPEG_WASM_OPT" ]]; then
  log "wasm-opt $AFMPEG_WASM_OPT"
  # shellcheck disable=SC2086
  "$WASM_OPT" $AFMPEG_WASM_OPT -g "$OUT_DIR/afmpeg.wasm" -o "$OUT_DIR/afmpeg.opt.wasm"
  mv "$OUT_DIR/afmpeg.opt.wasm" "$OUT_DIR/afmpeg.wasm"
fi
