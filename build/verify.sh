#!/usr/bin/env bash
# R-AF-6 check: rebuilds a variant from clean (without touching wasm/) and compares every
# output hash with the committed wasm/<variant>/PROVENANCE.json. Exits non-zero on any difference.
#   build/verify.sh [gpl|lgpl|lean]      (npm run verify:wasm -- <variant>)
set -euo pipefail
variant="${1:-gpl}"
here="$(cd "$(dirname "$0")" && pwd)"
"$here/build.sh" "$variant" --no-install
# shellcheck source=steps/env.sh
VARIANT="$variant" source "$here/steps/env.sh"
node "$here/tools/compare-provenance.mjs" "$REPO/wasm/$variant/PROVENANCE.json" "$OUT_DIR/js/PROVENANCE.json"
