# Checks that the pinned toolchain is installed and says what to install when it is not.
# shellcheck shell=bash
log "checking toolchain"
missing=()
need_version() { # command, expected substring of `command --version`, Debian package
  if ! command -v "$1" >/dev/null 2>&1; then missing+=("$3"); return; fi
  if ! "$1" --version 2>&1 | head -2 | grep -q "$2"; then
    die "$1 is $("$1" --version 2>&1 | head -1), expected $2 (Debian 12: apt-get install $3)"
  fi
}
need_version clang-19 'clang version 19.1.7' clang-19
need_version clang++-19 'clang version 19.1.7' clang-19
need_version wasm-ld-19 'LLD 19.1.7' lld-19
need_version llvm-ar-19 'LLVM version 19.1.7' llvm-19
need_version llvm-nm-19 'LLVM version 19.1.7' llvm-19
for f in /usr/lib/wasm32-wasi/libc.a:wasi-libc \
         /usr/lib/wasm32-wasi/libwasi-emulated-signal.a:wasi-libc \
         /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a:libclang-rt-19-dev-wasm32; do
  [[ -e "${f%%:*}" ]] || missing+=("${f##*:}")
done
# The broad variants' C++ (openh264 links libc++; HarfBuzz compiles against its headers) and build
# systems (FreeType, HarfBuzz, dav1d: meson and ninja; libwebp, libsoxr: cmake).
# toolchain.lock.json, debianBroad.
if [[ "$VARIANT" != lean ]]; then
  [[ -e /usr/lib/wasm32-wasi/libc++.a ]] || missing+=(libc++-19-dev-wasm32)
  [[ -e /usr/lib/wasm32-wasi/libc++abi.a ]] || missing+=(libc++abi-19-dev-wasm32)
  need_version meson '1.0.1' meson
  need_version ninja '1.11.1' ninja-build
  need_version cmake 'cmake version 3.25.1' cmake
  # FriBidi's configure insists on a compiler for the build machine (it builds nothing native);
  # any C compiler that links a hello-world will do, so no version is pinned or recorded.
  command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
fi
for c in make pkg-config node tar xz bzip2 sha256sum patch; do
  command -v "$c" >/dev/null 2>&1 || missing+=("$c")
done
[[ -x "$JCO" ]] || die "jco not found at $JCO: run npm ci --prefix build"
if ((${#missing[@]})); then
  die "missing toolchain pieces; on Debian 12 run: apt-get install $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')"
fi
wasi_libc_version="$(dpkg-query -W -f='${Version}' wasi-libc 2>/dev/null || echo unknown)"
[[ "$wasi_libc_version" == "0.0~git20220510.9886d3d-2" ]] ||
  die "wasi-libc is $wasi_libc_version, expected 0.0~git20220510.9886d3d-2 (Debian 12: apt-get install wasi-libc)"
jco_version="$(node -p 'require(process.argv[1]).version' "$BUILD_DEF/node_modules/@bytecodealliance/jco/package.json")"
[[ "$jco_version" == "1.35.0" ]] || die "jco is $jco_version, expected 1.35.0 (npm ci --prefix build)"
binaryen_version="$(node -p 'require(process.argv[1]).version' "$BUILD_DEF/node_modules/binaryen/package.json")"
[[ "$binaryen_version" == "132.0.0" ]] || die "binaryen is $binaryen_version, expected 132.0.0 (npm ci --prefix build)"
adapter_sha="$(sha256sum "$ADAPTER" | cut -d' ' -f1)"
expected_adapter_sha="$(node -p 'require(process.argv[1]).adapter.sha256' "$BUILD_DEF/toolchain.lock.json")"
[[ "$adapter_sha" == "$expected_adapter_sha" ]] ||
  die "preview1 command adapter $ADAPTER has sha256 $adapter_sha, expected $expected_adapter_sha"
