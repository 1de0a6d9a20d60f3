# Shared settings for every build step. Sourced, never run. Expects VARIANT to be set.
# shellcheck shell=bash
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DEF="$REPO/build"
: "${VARIANT:?VARIANT must be set (gpl | lgpl | lean)}"

# Where sources are unpacked and objects built: outside the repository by default on our
# machines (/work/buildtree), otherwise build/.work (git-ignored).
if [[ -z "${AFMPEG_BUILD_ROOT:-}" ]]; then
  if [[ -d /work/buildtree ]]; then AFMPEG_BUILD_ROOT=/work/buildtree; else AFMPEG_BUILD_ROOT="$REPO/build/.work"; fi
fi
BUILD_DIR="$AFMPEG_BUILD_ROOT/$VARIANT"
SRC_DIR="$BUILD_DIR/src"          # unpacked, patched sources
OBJ_DIR="$BUILD_DIR/obj"          # out-of-tree object directories, one per library
PREFIX="$BUILD_DIR/prefix"        # installed static libraries and headers
SYSROOT="$BUILD_DIR/sysroot"      # two symlinks into Debian's wasi-libc (see sysroot.sh)
OUT_DIR="$BUILD_DIR/out"          # core module, component, transpiled glue before commit
SOURCES_DIR="${AFMPEG_SOURCES:-$REPO/../shared/sources}"
WASM_DIR="${AFMPEG_WASM_OUT:-$REPO/wasm}/$VARIANT"
JOBS="${AFMPEG_JOBS:-2}"

# Optimisation flags, chosen by measurement (build/README.md, "Flag table"). AFMPEG_OPT overrides
# them for tuning runs only; the committed artifacts use the default.
AFMPEG_OPT="${AFMPEG_OPT--O3 -msimd128 -flto}"
AFMPEG_LDOPT="${AFMPEG_LDOPT--Wl,--lto-O3}"
# setjmp/longjmp over wasm exceptions (steps/setjmp.sh, src/wasi-setjmp/setjmp.h says why): how a
# library that uses them compiles, and what the final link adds for a variant that has them.
AFMPEG_SJLJ_CFLAGS="-mllvm -wasm-enable-sjlj -I$PREFIX/include/wasi-setjmp"
sjlj_link_flags() { if [[ " ${VARIANT_LIBS[*]} " == *" setjmp "* ]]; then echo "-Wl,-mllvm,-wasm-enable-sjlj"; fi; }
# binaryen wasm-opt level over the linked module (steps/optimize.sh); empty: no wasm-opt.
AFMPEG_WASM_OPT="${AFMPEG_WASM_OPT-}"
# Let clang auto-vectorize x264 (steps/x264.sh); measured faster, same output bytes.
export AFMPEG_X264_VECTORIZE="${AFMPEG_X264_VECTORIZE-1}"

# Reproducibility: fixed timestamps and no build paths in the output. The compiler wrappers
# (build/tools/bin/afmpeg-cc, afmpeg-c++) map these directories to fixed names.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"
export TZ=UTC LC_ALL=C LANG=C
export ZERO_AR_DATE=1
export AFMPEG_SYSROOT="$SYSROOT"
export AFMPEG_PREFIX_MAP_FROM="$BUILD_DIR"
export AFMPEG_REPO="$REPO"
export PATH="$BUILD_DEF/tools/bin:$PATH"
export PKG_CONFIG_LIBDIR="$PREFIX/lib/pkgconfig"
export PKG_CONFIG_PATH=""
# Git must not see the repository a build root sits in (the default build/.work/ is inside the
# clone): OpenH264's codec/common/generate_version.sh runs `git rev-list HEAD` and would embed
# afmpeg's own commit in lgpl, so the bytes would depend on where and when it was built.
export GIT_CEILING_DIRECTORIES="$AFMPEG_BUILD_ROOT"
unset CFLAGS CXXFLAGS CPPFLAGS LDFLAGS

JCO="$BUILD_DEF/node_modules/.bin/jco"   # build/package.json: build-only tools, apart from the library
ADAPTER="$BUILD_DEF/node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.command.wasm"
WASM_OPT="$BUILD_DEF/node_modules/.bin/wasm-opt"

log() { printf '\n=== [%s %s] %s\n' "$VARIANT" "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf 'afmpeg build: %s\n' "$*" >&2; exit 1; }

# Reads a field of a source from sources.lock.json: lock_field ffmpeg sha256
lock_field() {
  node -e 'const l=require(process.argv[1]);const s=l.sources.find(x=>x.name===process.argv[2]);if(!s)process.exit(2);process.stdout.write(String(s[process.argv[3]]??""))' \
    "$BUILD_DEF/sources.lock.json" "$1" "$2"
}
