#!/usr/bin/env bash
# Packs what a bench needs on a bare x86-64 machine (the library's 16-core device: no Node, no
# FFmpeg, no registry) into .device/, which `run`'s `carry` takes beside the working tree:
#   node.xz     this machine's Node binary (the official build links libc alone)
#   ffmpeg.xz   the static native FFmpeg (bench/device/native-ffmpeg.sh), the yardstick
#   app.tar.xz  the compiled library and benches (dist/, .out/bench/) and the package's runtime
#               dependencies (node_modules, `npm ls --omit=dev`)
# The wasm builds travel with the working tree (wasm/ is tracked); .device/ is git-ignored, so it
# travels only where `carry` names it.
#
#   bench/device/pack.sh && <device run> bench/device/segments-curve.sh   (carry: [".device"])
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
kit=.device
rm -rf "$kit"
mkdir -p "$kit"
npx tsc -b
native="$(bench/device/native-ffmpeg.sh)"
xz -T0 -6 -c "$(command -v node)" > "$kit/node.xz"
xz -T0 -9 -c "$native" > "$kit/ffmpeg.xz"
mapfile -t deps < <(npm ls --omit=dev --all --parseable | sed "s|^$repo/||" | grep '^node_modules/')
tar -cf - dist .out/bench "${deps[@]}" | xz -T0 -9 > "$kit/app.tar.xz"
tree_bytes=$(git ls-files -z | xargs -0 stat -c %s | awk '{s += $1} END {print s}')
kit_bytes=$(du -cb "$kit"/* | tail -1 | cut -f1)
echo "kit $((kit_bytes >> 20)) MiB + tracked tree $((tree_bytes >> 20)) MiB (the device takes 64 MiB)"
((tree_bytes + kit_bytes < 64 << 20)) || { echo "too big to travel" >&2; exit 1; }
