#!/usr/bin/env bash
# CI gate for R-AF-6: rebuild the wasm only when the build definition changed.
# Computes the build-definition hash (Node only, no C toolchain needed) and compares it with the
# one recorded in wasm/gpl/PROVENANCE.json. Equal: the committed artifacts were built from this
# definition, nothing to do. Different: install the pinned toolchain and run verify:wasm, which
# rebuilds and fails unless the committed bytes are reproduced.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
current="$(node "$repo/build/tools/definition-hash.mjs")"
recorded="$(node -p 'require(process.argv[1]).buildDefinitionHash' "$repo/wasm/gpl/PROVENANCE.json")"
if [[ "$current" == "$recorded" ]]; then
  echo "wasm rebuild check skipped: build definition unchanged ($current)"
  exit 0
fi
echo "build definition changed ($recorded -> $current): rebuilding wasm/gpl to verify it"
if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends \
  clang-19 lld-19 llvm-19 libclang-rt-19-dev-wasm32 wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 \
  make pkg-config xz-utils bzip2 patch
# `npm install`, not `npm ci`: the registry reachable here lacks some of jco's other-platform
# binaries, and npm ci refuses a lock file that does not list them. The lock still pins versions.
npm install --prefix "$repo/build" --no-audit --no-fund
npm run verify:wasm -- gpl
