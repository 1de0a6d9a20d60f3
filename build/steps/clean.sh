# Starts from nothing: every source is unpacked again and every object rebuilt (R-AF-6).
# shellcheck shell=bash
rm -rf "$SRC_DIR" "$OBJ_DIR" "$PREFIX" "$OUT_DIR"
mkdir -p "$SRC_DIR" "$OBJ_DIR" "$PREFIX" "$OUT_DIR"
