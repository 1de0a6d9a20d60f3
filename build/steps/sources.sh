# Finds each source tarball this variant needs, verifies its sha256 against sources.lock.json,
# refuses a mismatch, and unpacks it (with afmpeg's patches applied) into $SRC_DIR.
# Lookup order: $AFMPEG_SOURCES (../shared/sources), `apt-get source`, the upstream URL.
# shellcheck shell=bash
fetch_source() { # name -> prints path of a verified tarball
  local name="$1" file sha debian upstream cache candidate got
  file="$(lock_field "$name" file)"; sha="$(lock_field "$name" sha256)"
  debian="$(lock_field "$name" debian)"; upstream="$(lock_field "$name" upstream)"
  cache="$BUILD_DIR/downloads"; mkdir -p "$cache"
  for candidate in "$SOURCES_DIR/$file" "$cache/$file"; do
    [[ -f "$candidate" ]] || continue
    got="$(sha256sum "$candidate" | cut -d' ' -f1)"
    [[ "$got" == "$sha" ]] || die "$candidate has sha256 $got, expected $sha (refusing it)"
    echo "$candidate"; return
  done
  log "$file not in $SOURCES_DIR; trying apt-get source $debian"
  if (cd "$cache" && apt-get source --download-only "$debian" >&2) && [[ -f "$cache/$file" ]]; then :
  else
    log "apt-get source failed; downloading ${upstream%% *}"
    curl -fsSL -o "$cache/$file" "${upstream%% *}" || die "cannot fetch $name"
  fi
  got="$(sha256sum "$cache/$file" | cut -d' ' -f1)"
  [[ "$got" == "$sha" ]] || die "$cache/$file has sha256 $got, expected $sha (refusing it)"
  echo "$cache/$file"
}

unpack_source() { # name -> $SRC_DIR/name, fresh, patched
  local name="$1" tarball dest patch
  tarball="$(fetch_source "$name")"
  dest="$SRC_DIR/$name"
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components=1 --no-same-owner
  if [[ -d "$BUILD_DEF/patches/$name" ]]; then
    while IFS= read -r patch; do
      log "patching $name: $(basename "$patch")"
      patch -d "$dest" -p1 --no-backup-if-mismatch --forward -s < "$patch" || die "patch $patch failed"
    done < <(find "$BUILD_DEF/patches/$name" -name '*.patch' | LC_ALL=C sort)
  fi
}
