#!/usr/bin/env bash
# Segment-parallel encoding's scaling curve (R-AF-17) on the 16-core device: `bench:segments`
# with 1, 2, 4, 8 and 16 segments on one engine of 16 workers, beside the static native FFmpeg
# with one thread and with its default threads, in one run. Runs from the repository root of the
# working tree the device received, with .device/ (bench/device/pack.sh) carried beside it;
# the results' JSON and the log come back in $OUT.
#
#   run: bench/device/segments-curve.sh   carry: [".device"]   timeout_s: 540 (about 5 minutes)
# COUNTS, ROUNDS (default 3) and JOBS (`|`-separated parts of job names) narrow it.
set -euo pipefail
kit=.device
bin=/tmp/afmpeg-kit/bin
out="${OUT:-/tmp/afmpeg-kit/out}"
mkdir -p "$bin" "$out"
unxz() { # file.xz -> stdout; python's lzma where the machine has no xz
  if command -v xz > /dev/null; then xz -dc "$1"
  else python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), sys.stdout.buffer)' "$1"; fi
}
unxz "$kit/node.xz" > "$bin/node"
unxz "$kit/ffmpeg.xz" > "$bin/ffmpeg"
chmod +x "$bin/node" "$bin/ffmpeg"
unxz "$kit/app.tar.xz" | tar -xf -
export PATH="$bin:$PATH"
{
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
  node --version
  ffmpeg -hide_banner -version | head -1
} | tee "$out/machine.txt"
before="$(ls bench/results)"
ROUNDS="${ROUNDS:-3}" JOBS="${JOBS:-W1 transcode|W1 from a 2 s GOP|reel}" \
  node .out/bench/segments.js "${COUNTS:-1,2,4,8,16}" 2>&1 | tee "$out/segments.log"
for f in bench/results/*; do
  grep -qxF "$(basename "$f")" <<< "$before" || cp "$f" "$out/"
done
