# FFmpeg: configure out of tree for wasm32-wasi, build the libraries and the fftools objects.
# The programs are linked by link.sh (one multi-call module), not by FFmpeg's Makefile.
# shellcheck shell=bash
log "ffmpeg configure"
unpack_source ffmpeg
# afmpeg's own FFmpeg sources (the WebAssembly SIMD128 kernels, src/ffmpeg-wasm/, each file says
# why) go into the tree where FFmpeg's per-architecture Makefiles look for them (<lib>/wasm/).
cp -R "$BUILD_DEF/src/ffmpeg-wasm/." "$SRC_DIR/ffmpeg/"
FFMPEG_OBJ="$OBJ_DIR/ffmpeg"
rm -rf "$FFMPEG_OBJ"; mkdir -p "$FFMPEG_OBJ"
FFMPEG_CONFIGURE_FLAGS=(
  "${FFMPEG_COMMON_FLAGS[@]}" "${VARIANT_FLAGS[@]}" "${FFMPEG_ALWAYS_FLAGS[@]}"
  --extra-cflags="$AFMPEG_OPT $FFMPEG_WASI_CFLAGS -I$PREFIX/include"
  --extra-cxxflags="$AFMPEG_OPT"
  --extra-ldflags="-L$PREFIX/lib$(sjlj_link_flags | sed 's/^./ &/')"
  --extra-libs="$FFMPEG_WASI_LIBS"
)
# FFmpeg's configure ignores a misspelt component name (png_pipe instead of image_png_pipe):
# refuse any name that is not in its own lists.
check_component_names() {
  local flag kind names name
  declare -A known=()
  for flag in "${FFMPEG_CONFIGURE_FLAGS[@]}"; do
    [[ "$flag" =~ ^--enable-(demuxer|muxer|decoder|encoder|parser|bsf|filter|protocol|indev)=(.*)$ ]] || continue
    kind="${BASH_REMATCH[1]}" names="${BASH_REMATCH[2]}"
    [[ -n "${known[$kind]:-}" ]] || known[$kind]=" $("$SRC_DIR/ffmpeg/configure" "--list-${kind}s" | tr -s ' \t\n' ' ') "
    for name in ${names//,/ }; do
      [[ "${known[$kind]}" == *" $name "* ]] || die "FFmpeg has no $kind named '$name' (flag $flag)"
    done
  done
}
check_component_names

# The configure line as recorded in provenance, with the build directory spelled as in the
# compiler's prefix map.
printf '%s\n' "${FFMPEG_CONFIGURE_FLAGS[@]}" | sed "s#$BUILD_DIR#/afmpeg-build#g" > "$BUILD_DIR/ffmpeg-configure-flags.txt"
(
  cd "$FFMPEG_OBJ"
  "$SRC_DIR/ffmpeg/configure" "${FFMPEG_CONFIGURE_FLAGS[@]}" > configure.out 2>&1 ||
    { tail -40 ffbuild/config.log >&2; die "FFmpeg configure failed"; }
  # FFmpeg bakes its configure line into the binary (-version, -buildconf): keep build paths
  # out of it.
  sed -i "s#$BUILD_DIR#/afmpeg-build#g" config.h
  log "ffmpeg make"
  postproc=()
  grep -q '^CONFIG_POSTPROC=yes' ffbuild/config.mak && postproc=(libpostproc/libpostproc.a)
  make -j"$JOBS" "${postproc[@]}" \
    libavdevice/libavdevice.a libavfilter/libavfilter.a libavformat/libavformat.a \
    libavcodec/libavcodec.a libswresample/libswresample.a libswscale/libswscale.a \
    libavutil/libavutil.a \
    fftools/ffmpeg.o fftools/ffmpeg_filter.o fftools/ffmpeg_hw.o fftools/ffmpeg_mux.o \
    fftools/ffmpeg_opt.o fftools/cmdutils.o fftools/opt_common.o fftools/ffprobe.o >&2
)
