#!/usr/bin/env bash
# CI gate for R-AF-6: rebuild the wasm only when the build definition changed.
# Computes the build-definition hash (Node only, no C toolchain needed) and compares it with the
# one recorded in wasm/gpl/PROVENANCE.json. Equal: the committed artifacts were built from this
# definition, nothing to do. Different: install the pinned toolchain and run verify:wasm, which
# rebuilds and fails unless the committed bytes are reproduced, then FATE through the engine.
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
# Exactly what a gpl rebuild needs (build/steps/toolchain.sh, toolchain.lock.json); gcc only
# because FriBidi's configure wants a compiler for the build machine.
"${sudo[@]}" apt-get install -y --no-install-recommends \
  clang-19 lld-19 llvm-19 libclang-rt-19-dev-wasm32 wasi-libc \
  libc++-19-dev-wasm32 libc++abi-19-dev-wasm32 meson ninja-build cmake \
  make pkg-config xz-utils bzip2 patch gcc libc6-dev
# jco + binaryen, exactly as build/package-lock.json pins them (the lock lists every platform's
# optional binaries, so npm ci accepts it and installs only this platform's).
npm ci --prefix "$repo/build" --no-audit --no-fund
npm run verify:wasm -- gpl
# FFmpeg's own test suite through the engine over the verified build, against a native control
# build of the same configuration (scripts/fate/fate.sh): every test that needs no samples and
# passes natively must pass through the engine. The control needs the host's C compiler (above)
# and the native libraries of gpl's configure line.
"${sudo[@]}" apt-get install -y --no-install-recommends zlib1g-dev libx264-dev
# Every third test of the list (--every 3): the native control build and both passes of all
# ~1,700 tests would take this path past CI's 90 minutes on 2 cores; the full run is recorded at
# each rebuilt milestone (build/README.md, "FATE through the engine").
npm run fate -- gpl --every 3
