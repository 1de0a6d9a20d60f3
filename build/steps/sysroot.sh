# A clean sysroot of two symlinks into Debian's split wasi-libc, so clang never searches the
# host's /usr/include.
# shellcheck shell=bash
log "sysroot"
rm -rf "$SYSROOT"; mkdir -p "$SYSROOT/lib"
ln -s /usr/include/wasm32-wasi "$SYSROOT/include"
ln -s /usr/lib/wasm32-wasi "$SYSROOT/lib/wasm32-wasi"
