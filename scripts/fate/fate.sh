#!/usr/bin/env bash
# FFmpeg's own test suite (FATE) through afmpeg's engine, compared with a native control build.
#
#   npm run fate -- [gpl|lgpl|lean] [--wasm <dir>] [--tests <grep -E pattern>] [--every <n>]
#                   [--engine-only]
#
# 1. Unpacks FFmpeg from the build's pinned, sha256-verified tarball (build/steps/sources.sh, the
#    same patches) into $AFMPEG_BUILD_ROOT/fate-<variant>/.
# 2. Configures it natively (x86, the host's gcc) with the variant's own component list
#    (build/variants/) and builds it: the control, and the home of FATE's helper programs.
#    A test harness only: nothing here is a dependency of the package.
# 3. Runs every FATE test that needs no external samples (SAMPLES unset; `make fate-list`) twice:
#    natively, then with FATE's TARGET_EXEC hook pointing at target-exec.ts, which runs each
#    ffmpeg/ffprobe invocation through the engine over the wasm build (`--wasm`, default
#    wasm/<variant>) with the FATE tree mounted at its own path (other helper programs run as
#    they are).
# 4. compare.ts reports N passing natively, M of those through the engine, and every difference;
#    it exits 1 unless every test that passes natively passes through the engine.
#
# Needs: Debian's gcc/make, zlib1g-dev, libx264-dev (gpl, lean) to build the control; Node and a
# compiled tree (npm run fate builds it). Reuses the control build while the source, patches and
# configure line are unchanged. AFMPEG_JOBS (default 2) sets make -j.
set -euo pipefail
variant=gpl wasm="" only="" every=1 engine_only=""
while (($#)); do
  case "$1" in
    gpl | lgpl | lean) variant="$1" ;;
    --wasm) wasm="$(cd "$2" && pwd)"; shift ;;
    --tests) only="$2"; shift ;;
    --every) every="$2"; shift ;; # a fixed sample: the 1st, (n+1)th, ... test of the sorted list
    --engine-only) engine_only=1 ;; # keep the last native pass's results (same control build)
    *) echo "usage: fate.sh [gpl|lgpl|lean] [--wasm <dir>] [--tests <pattern>] [--every <n>] [--engine-only]" >&2; exit 2 ;;
  esac
  shift
done

[[ "$every" =~ ^[1-9][0-9]*$ ]] || { echo "fate.sh: --every needs a positive integer" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
VARIANT="$variant"
# shellcheck source=../../build/steps/env.sh
source "$here/../../build/steps/env.sh"
# shellcheck source=../../build/steps/sources.sh
source "$BUILD_DEF/steps/sources.sh"
# shellcheck source=../../build/variants/common.sh
source "$BUILD_DEF/variants/common.sh"
# shellcheck source=/dev/null
source "$BUILD_DEF/variants/$VARIANT.sh"
wasm="${wasm:-$REPO/wasm/$VARIANT}"
[[ -f "$wasm/PROVENANCE.json" ]] || die "no wasm build at $wasm"

# The control is a native build: none of the wasm cross-compilation settings apply.
FATE_DIR="$AFMPEG_BUILD_ROOT/fate-$VARIANT"
BUILD_DIR="$FATE_DIR" SRC_DIR="$FATE_DIR/src"   # where sources.sh unpacks
export PATH="${PATH#"$BUILD_DEF/tools/bin:"}"
unset PKG_CONFIG_LIBDIR PKG_CONFIG_PATH AFMPEG_SYSROOT
OBJ="$FATE_DIR/obj"
# The variant's component list, with the native counterparts of variants/common.sh's general
# flags (no asm and no threads, as in the wasm build, so the same C code runs on both sides).
# The broad variants' external libraries (variants/broad-libs.sh) stay out of the control: FATE
# has no sample-free test that uses any of them, and without them the host needs no -dev package
# beyond zlib and x264.
control_variant_flags=()
for flag in "${VARIANT_FLAGS[@]}"; do
  [[ " ${BROAD_LIB_FLAGS[*]:-} " == *" $flag "* ]] || control_variant_flags+=("$flag")
done
CONTROL_FLAGS=(
  --disable-asm --disable-pthreads --disable-network --disable-autodetect --disable-debug
  --disable-doc --disable-hwaccels --disable-devices --disable-ffplay --enable-ffmpeg --enable-ffprobe
  "${control_variant_flags[@]}" "${FFMPEG_ALWAYS_FLAGS[@]}"
)

stamp="$(
  {
    lock_field ffmpeg sha256
    find "$BUILD_DEF/patches/ffmpeg" -name '*.patch' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    printf '%s\n' "${CONTROL_FLAGS[@]}"
  } | sha256sum | cut -d' ' -f1
)"
if [[ "$(cat "$OBJ/.afmpeg-fate-stamp" 2>/dev/null)" != "$stamp" ]]; then
  log "fate: configuring the native control build in $OBJ"
  unpack_source ffmpeg
  rm -rf "$OBJ"; mkdir -p "$OBJ"
  (cd "$OBJ" && "$SRC_DIR/ffmpeg/configure" "${CONTROL_FLAGS[@]}" > configure.out 2>&1) ||
    { tail -30 "$OBJ/ffbuild/config.log" >&2; die "native configure failed"; }
  echo "$stamp" > "$OBJ/.afmpeg-fate-stamp"
fi
log "fate: building the native control (make -j$JOBS)"
make -C "$OBJ" -s -j"$JOBS" >&2

cd "$OBJ"
results="$FATE_DIR/results"
if [[ -n "$engine_only" && -f "$results/native.seconds" ]]; then
  rm -rf "$results/engine" "$results/invocations"
else
  engine_only=""
  rm -rf "$results"; mkdir -p "$results/native"
  # (fate-list may first print make's own GEN lines: keep the test names only.)
  make -s fate-list | grep '^fate-' | grep -E "${only:-.}" | LC_ALL=C sort |
    awk -v n="$every" '(NR - 1) % n == 0' > "$results/tests.txt" || true
fi
mkdir -p "$results/engine" "$results/invocations"
log "fate: $(wc -l < "$results/tests.txt") tests need no external samples"

run_pass() { # name, TARGET_EXEC
  local name="$1" exec="$2" started
  started=$(date +%s)
  rm -rf tests/data
  # -k: a failing test must not stop the others; each writes tests/data/fate/<test>.rep.
  xargs make -k -j"$JOBS" TARGET_EXEC="$exec" < "$results/tests.txt" > "$results/$name.log" 2>&1 || true
  find tests/data/fate -name '*.rep' -exec cp -t "$results/$name" {} +
  echo $(($(date +%s) - started)) > "$results/$name.seconds"
  log "fate: $name pass took $(cat "$results/$name.seconds") s"
}
[[ -n "$engine_only" ]] || run_pass native ""

# The engine pass: one warm engine (engine-server.ts) serves every invocation.
export AFMPEG_FATE_WASM="$wasm" AFMPEG_FATE_ROOT="$FATE_DIR" AFMPEG_FATE_LOG="$results/invocations"
export AFMPEG_FATE_SOCKET="$FATE_DIR/engine.sock"
coproc SERVER { exec node "$REPO/.out/scripts/fate/engine-server.js" "$AFMPEG_FATE_SOCKET" "$JOBS"; }
server_pid=$SERVER_PID
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
read -r ready <&"${SERVER[0]}" && [[ "$ready" == ready ]] || die "the engine server did not start"
# `$@` is make's: each test's name, so the wrapper can log what it ran for which test.
run_pass engine "node $REPO/.out/scripts/fate/target-exec.js --test \$@"
kill "$server_pid" || true
node "$REPO/.out/scripts/fate/compare.js" "$results"
