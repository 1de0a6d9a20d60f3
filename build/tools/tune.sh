#!/usr/bin/env bash
# Flag tuning by measurement (issue item 7): builds the `lean` variant (it carries everything
# the benchmark touches: testsrc2, sine, swscale, libx264, aac, mp4, and builds in a fraction of
# gpl's time) once per flag setting, then times one transcode per setting with the build-only
# host, next to native ffmpeg -threads 1 in the same run. Prints a markdown table.
#   build/tools/tune.sh [setting...]       settings: the keys of OPT below; default: all
# One build at a time, -j2 (AFMPEG_JOBS), build trees in $AFMPEG_BUILD_ROOT/tune-<setting>.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
root="${AFMPEG_BUILD_ROOT:-/work/buildtree}"
declare -A OPT=(
  [O3-simd]="-O3 -msimd128" [O3]="-O3" [O2-simd]="-O2 -msimd128" [O2]="-O2"
  [O3-simd-lto]="-O3 -msimd128 -flto" [O3-simd-x264vec]="-O3 -msimd128"
)
declare -A EXTRA_ENV=([O3-simd-x264vec]="AFMPEG_X264_VECTORIZE=1")
declare -A LDOPT=([O3-simd-lto]="-flto -Wl,--lto-O3")
settings=("$@")
((${#settings[@]})) || settings=(O3-simd O3 O2-simd O3-simd-lto O3-simd-x264vec)
bench_dir="$root/tune-bench"
mkdir -p "$bench_dir"
transcode=(-hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=10
  -f lavfi -i sine=frequency=440:sample_rate=48000:duration=10
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest)

time_wasm() { # js-dir output-name -> seconds
  local start end
  start=$(date +%s.%N)
  node "$here/run-wasm.mjs" "$1" --dir "$bench_dir" ffmpeg "${transcode[@]}" "$2" >&2
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "date: $(date -u +%FT%TZ); $(uptime)"
start=$(date +%s.%N)
ffmpeg -threads 1 -filter_threads 1 "${transcode[@]}" -threads 1 -x264-params threads=1 "$bench_dir/native.mp4"
native=$(echo "$(date +%s.%N) - $start" | bc)
echo "| setting | cflags | core module bytes | .br bytes | transcode s | vs native | output sha256 |"
echo "|---|---|---|---|---|---|---|"
echo "| native ffmpeg -threads 1 | (Debian 5.1.9, asm) | | | $native | 1.00 | $(sha256sum "$bench_dir/native.mp4" | cut -c1-12) |"
for s in "${settings[@]}"; do
  js="$root/tune-$s/lean/out/js"
  if [[ ! -f "$js/afmpeg.js" ]]; then
    env ${EXTRA_ENV[$s]:-} AFMPEG_BUILD_ROOT="$root/tune-$s" AFMPEG_OPT="${OPT[$s]}" AFMPEG_LDOPT="${LDOPT[$s]:-}" \
      "$repo/build/build.sh" lean --no-install > "$root/tune-$s.log" 2>&1 || { echo "| $s | build failed |"; continue; }
  fi
  variants=("$s:$js")
  if [[ "$s" == O3-simd ]]; then
    for level in O3 Oz; do # binaryen's wasm-opt over the same core module
      wo="$root/tune-$s-wasm-opt-$level"
      if [[ ! -f "$wo/afmpeg.js" ]]; then
        rm -rf "$wo"; cp -r "$js" "$wo"; rm -f "$wo"/*.br
        "$repo/build/node_modules/.bin/wasm-opt" "-$level" --enable-simd --enable-bulk-memory --enable-sign-ext \
          --enable-nontrapping-float-to-int --enable-mutable-globals \
          "$js/afmpeg.core.wasm" -o "$wo/afmpeg.core.wasm"
      fi
      variants+=("$s+wasm-opt-$level:$wo")
    done
  fi
  for v in "${variants[@]}"; do
    name="${v%%:*}"; dir="${v#*:}"
    raw=$(stat -c %s "$dir/afmpeg.core.wasm")
    br=$(node -e 'const z=require("zlib"),fs=require("fs");const b=fs.readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_LGWIN]:24}}).length)' "$dir/afmpeg.core.wasm")
    t=$(time_wasm "$dir" "$name.mp4")
    echo "| $name | ${OPT[$s]} ${LDOPT[$s]:-} ${EXTRA_ENV[$s]:-} | $raw | $br | $t | $(echo "scale=2; $t / $native" | bc) | $(sha256sum "$bench_dir/$name.mp4" | cut -c1-12) |"
  done
done
