#!/usr/bin/env bash
# Flag tuning by measurement (issue item 7): builds the `lean` variant (it carries everything
# the benchmark touches: testsrc2, sine, swscale, libx264, aac, mp4, and builds in a fraction of
# gpl's time) once per flag setting, adds binaryen wasm-opt -O3/-Oz over some of them, then times
# one transcode per build with the build-only host, interleaved with native ffmpeg -threads 1,
# ROUNDS times (the machine is shared: compare medians within one run). Prints a markdown table.
#   build/tools/tune.sh [setting...]       settings: the keys of OPT below; default: all
# One build at a time, -j2 (AFMPEG_JOBS), build trees in $AFMPEG_BUILD_ROOT/tune-<setting>.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
root="${AFMPEG_BUILD_ROOT:-/work/buildtree}"
rounds="${ROUNDS:-3}"
declare -A OPT=(
  [O3-simd]="-O3 -msimd128" [O3]="-O3" [O2-simd]="-O2 -msimd128"
  [O3-simd-lto]="-O3 -msimd128 -flto" [O2-simd-lto]="-O2 -msimd128 -flto" [O3-simd-x264vec]="-O3 -msimd128"
  [O3-simd-lto-x264vec]="-O3 -msimd128 -flto"
)
declare -A LDOPT=([O3-simd-lto]="-Wl,--lto-O3" [O2-simd-lto]="-Wl,--lto-O2" [O3-simd-lto-x264vec]="-Wl,--lto-O3")
declare -A EXTRA_ENV=([O3-simd-x264vec]="AFMPEG_X264_VECTORIZE=1" [O3-simd-lto-x264vec]="AFMPEG_X264_VECTORIZE=1")
declare -A WASM_OPT_FOR=([O3-simd]=1 [O3-simd-lto]=1 [O2-simd]=1 [O2-simd-lto]=1)
settings=("$@")
((${#settings[@]})) || settings=(O3-simd O3 O2-simd O3-simd-lto O3-simd-x264vec)
bench_dir="$root/tune-bench"
mkdir -p "$bench_dir"
transcode=(-hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=10
  -f lavfi -i sine=frequency=440:sample_rate=48000:duration=10
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest)

seconds() { local start; start=$(date +%s.%N); "$@" >&2; echo "$(date +%s.%N) - $start" | bc; }
run_native() { ffmpeg -threads 1 -filter_threads 1 "${transcode[@]}" -threads 1 -x264-params threads=1 "$bench_dir/native.mp4"; }
run_wasm() { node "$here/run-wasm.mjs" "$1" --dir "$bench_dir" ffmpeg "${transcode[@]}" "$2"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Build every setting first (one at a time), then measure, so that no build runs during a timing.
names=() dirs=() flags=()
for s in "${settings[@]}"; do
  js="$root/tune-$s/lean/out/js"
  if [[ ! -f "$js/afmpeg.js" ]]; then
    env AFMPEG_X264_VECTORIZE=0 ${EXTRA_ENV[$s]:-} AFMPEG_BUILD_ROOT="$root/tune-$s" AFMPEG_OPT="${OPT[$s]}" \
      AFMPEG_LDOPT="${LDOPT[$s]:-}" AFMPEG_WASM_OPT="" \
      "$repo/build/build.sh" lean --no-install > "$root/tune-$s.log" 2>&1 || { echo "build $s failed" >&2; continue; }
  fi
  names+=("$s") dirs+=("$js") flags+=("${OPT[$s]} ${LDOPT[$s]:-} ${EXTRA_ENV[$s]:-}")
  if [[ -n "${WASM_OPT_FOR[$s]:-}" ]]; then
    for level in O3 Oz; do # binaryen's wasm-opt over the same core module
      wo="$root/tune-$s-wasm-opt-$level"
      if [[ ! -f "$wo/afmpeg.js" ]]; then
        rm -rf "$wo"; cp -r "$js" "$wo"; rm -f "$wo"/*.br
        "$repo/build/node_modules/.bin/wasm-opt" "-$level" -g "$js/afmpeg.core.wasm" -o "$wo/afmpeg.core.wasm"
      fi
      names+=("$s+wasm-opt-$level") dirs+=("$wo") flags+=("${OPT[$s]} ${LDOPT[$s]:-}, wasm-opt -$level -g")
    done
  fi
done

echo "date: $(date -u +%FT%TZ); uptime before: $(uptime)"
declare -A times=()
native_times=()
for ((r = 1; r <= rounds; r++)); do
  native_times+=("$(seconds run_native)")
  for i in "${!names[@]}"; do
    times[$i]+=" $(seconds run_wasm "${dirs[$i]}" "${names[$i]}.mp4")"
  done
done
native=$(median "${native_times[@]}")
echo "uptime after: $(uptime); rounds: $rounds (median shown, all runs in brackets)"
echo
echo "| build | flags | core module bytes | .br bytes | transcode s (median) | vs native | output sha256 |"
echo "|---|---|---|---|---|---|---|"
echo "| native ffmpeg -threads 1 | Debian 5.1.9, x86-64 asm | | | $native [${native_times[*]}] | 1.00 | $(sha256sum "$bench_dir/native.mp4" | cut -c1-12) |"
for i in "${!names[@]}"; do
  core="${dirs[$i]}/afmpeg.core.wasm"
  br=$(node -e 'const z=require("zlib"),fs=require("fs");const b=fs.readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_LGWIN]:24}}).length)' "$core")
  # shellcheck disable=SC2086
  t=$(median ${times[$i]})
  echo "| ${names[$i]} | ${flags[$i]} | $(stat -c %s "$core") | $br | $t [${times[$i]# }] | $(echo "scale=2; $t / $native" | bc) | $(sha256sum "$bench_dir/${names[$i]}.mp4" | cut -c1-12) |"
done
