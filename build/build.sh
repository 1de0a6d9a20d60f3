#!/usr/bin/env bash
# afmpeg's wasm build: FFmpeg 5.1.9 -> wasm32-wasi core module -> WASI preview2 component ->
# jco-transpiled JS glue + brotli core modules in wasm/<variant>/, with PROVENANCE.json.
#
#   build/build.sh <gpl|lgpl|lean>                 clean build, installed into wasm/<variant>/
#   build/build.sh <variant> --no-install          clean build, left in the build tree (verify.sh)
#   build/build.sh <variant> --from <step>         development only: resume at a step (no clean)
#
# Each step is a small file in build/steps/, run in the order below. See build/README.md.
set -euo pipefail
VARIANT="${1:-}"
case "$VARIANT" in gpl | lgpl | lean) ;; *) echo "usage: build/build.sh <gpl|lgpl|lean> [--no-install] [--from <step>]" >&2; exit 2 ;; esac
shift
INSTALL=1 FROM=""
while (($#)); do
  case "$1" in
    --no-install) INSTALL=0 ;;
    --from) FROM="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
STEPS_DIR="$(cd "$(dirname "$0")" && pwd)/steps"
# shellcheck source=steps/env.sh
source "$STEPS_DIR/env.sh"
# shellcheck source=variants/common.sh
source "$BUILD_DEF/variants/common.sh"
# shellcheck source=/dev/null
source "$BUILD_DEF/variants/$VARIANT.sh"

steps=(toolchain sources clean sysroot libc-overrides)
for lib in "${VARIANT_LIBS[@]}"; do
  steps+=("$lib")
  # x264's checkasm right after x264: the SIMD128 kernels are proven before anything links them.
  [[ "$lib" == x264 ]] && steps+=(checkasm-x264)
done
# FFmpeg's checkasm right after FFmpeg's libraries, for the same reason.
steps+=(ffmpeg checkasm-ffmpeg link optimize component provenance)
((INSTALL)) && steps+=(install)
started=$(date +%s)
skipping=$([[ -n "$FROM" ]] && echo 1 || echo 0)
for step in "${steps[@]}"; do
  [[ "$step" == "$FROM" ]] && skipping=0
  # toolchain and sources only define checks and helpers: always run them.
  if ((skipping)) && [[ "$step" != toolchain && "$step" != sources ]]; then continue; fi
  # shellcheck source=/dev/null
  source "$STEPS_DIR/$step.sh"
done
log "done in $(($(date +%s) - started))s"
