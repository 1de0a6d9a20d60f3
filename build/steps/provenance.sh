# Writes $OUT_DIR/js/PROVENANCE.json: what went in (sources, toolchain, flags, build-definition
# hash) and what came out (sizes, sha256, and the component lists read from the built binary).
# shellcheck shell=bash
log "provenance"
export AFMPEG_PROVENANCE_VARIANT="$VARIANT" AFMPEG_PROVENANCE_LICENCE="$VARIANT_LICENCE"
export AFMPEG_PROVENANCE_OPT="$AFMPEG_OPT" AFMPEG_PROVENANCE_LDOPT="$AFMPEG_LDOPT" AFMPEG_PROVENANCE_WASM_OPT="$AFMPEG_WASM_OPT"
export AFMPEG_PROVENANCE_LIBS="${VARIANT_LIBS[*]}"
export AFMPEG_PROVENANCE_CONFIGURE="$BUILD_DIR/ffmpeg-configure-flags.txt"
export AFMPEG_PROVENANCE_LINK_LIBS="$BUILD_DIR/link-libs.txt"
node "$BUILD_DEF/tools/provenance.mjs" "$OUT_DIR/js"
