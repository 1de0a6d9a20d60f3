// What a build carries, asked of the built binary itself through the build-only host
// (run-wasm.mjs): the `components` field of PROVENANCE.json, which the library answers
// `engine.components()` from without running FFmpeg (src/engine/build-components.ts).
// Usage: import { componentLists } from './component-lists.mjs'; componentLists(<build dir>)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Everything after the listing's dashed separator line (`-demuxers`, `-codecs`, `-pix_fmts`...). */
function afterSeparator(flag, text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*-{2,}\s*$/.test(l));
  if (start < 0) throw new Error(`unexpected ffmpeg ${flag} output:\n${text}`);
  return lines.slice(start + 1).map((l) => l.trim().split(/\s+/));
}

/** The second column of a listing: demuxers and muxers keep FFmpeg's comma lists ("mov,mp4,..."). */
function names(flag, text) {
  return afterSeparator(flag, text)
    .filter((t) => t.length >= 2 && t[1])
    .map((t) => t[1])
    .sort();
}

/** -filters has no separator line: its entries are "<T.><S.><C.> name in->out description". */
function filterNames(text) {
  return text
    .split('\n')
    .map((l) => /^ [T.][S.][C.] (\S+)\s+\S*->\S*/.exec(l)?.[1])
    .filter((n) => n !== undefined)
    .sort();
}

/**
 * -codecs lists every codec libavcodec knows, with D/E when this build can decode/encode it. FFmpeg
 * takes a codec's name for `-c` too (`-c:a mp3` picks whichever mp3 encoder the build has), so
 * these two lists are what decides whether such a name works here.
 */
function codecs(text) {
  const rows = afterSeparator('-codecs', text).filter((t) => t.length >= 2 && /^[D.][E.]/.test(t[0]));
  const pick = (letter, at) =>
    rows
      .filter((t) => t[0][at] === letter)
      .map((t) => t[1])
      .sort();
  return { decodable: pick('D', 0), encodable: pick('E', 1) };
}

/** -protocols: an "Input:" list then an "Output:" list, one name a line. */
function protocols(text) {
  const lists = { input: [], output: [] };
  let list;
  for (const line of text.split('\n')) {
    if (/^Input:\s*$/.test(line)) list = lists.input;
    else if (/^Output:\s*$/.test(line)) list = lists.output;
    else if (list && line.trim()) list.push(line.trim());
  }
  if (lists.input.length === 0) throw new Error(`unexpected ffmpeg -protocols output:\n${text}`);
  return { input: lists.input.sort(), output: lists.output.sort() };
}

/** -bsfs: a "Bitstream filters:" title, then one name a line. */
function bsfs(text) {
  const lines = text.split('\n');
  if (!/^Bitstream filters:/.test(lines[0] ?? '')) throw new Error(`unexpected ffmpeg -bsfs output:\n${text}`);
  return lines
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

/**
 * The component lists of the build in `buildDir` (a build's out/js or a committed wasm/<variant>/),
 * each sorted: demuxers, muxers, decoders, encoders, filters, codecs (decodable and encodable by
 * codec name), protocols (input and output), bitstream filters and pixel formats.
 */
export function componentLists(buildDir) {
  const ask = (flag) =>
    execFileSync(process.execPath, [join(here, 'run-wasm.mjs'), buildDir, 'ffmpeg', '-hide_banner', flag], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  return {
    demuxers: names('-demuxers', ask('-demuxers')),
    muxers: names('-muxers', ask('-muxers')),
    decoders: names('-decoders', ask('-decoders')),
    encoders: names('-encoders', ask('-encoders')),
    filters: filterNames(ask('-filters')),
    codecs: codecs(ask('-codecs')),
    protocols: protocols(ask('-protocols')),
    bsfs: bsfs(ask('-bsfs')),
    pixelFormats: names('-pix_fmts', ask('-pix_fmts')),
  };
}
