import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Volume } from 'afmpeg';

/**
 * DejaVu Sans (full glyph set, despite the file's "latin" name) as WOFF, from the pinned dev
 * dependency @fontsource/dejavu-sans: the builds have no system fonts, so drawtext and subtitle
 * tests put this file into the volume, as a user puts theirs. FreeType reads WOFF through zlib.
 */
export const TEST_FONT_FAMILY = 'DejaVu Sans';

export function testFontBytes(): Uint8Array {
  const path = createRequire(import.meta.url).resolve(
    '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  );
  return readFileSync(path);
}

/** A volume holding the test font as `/fonts/font.woff`, as a user's volume holds theirs. */
export function volumeWithFont(): Volume {
  const vol = new Volume();
  vol.mkdirSync('/fonts');
  vol.writeFileSync('/fonts/font.woff', testFontBytes());
  return vol;
}
