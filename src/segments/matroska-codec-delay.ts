/** EBML ids (with their length markers, as they are written): a track's CodecDelay, a Cluster. */
const CODEC_DELAY = [0x56, 0xaa];
const CLUSTER = [0x1f, 0x43, 0xb6, 0x75];

/**
 * The CodecDelay (ns) a Matroska file's first track declares, read from the file's header (before
 * its first Cluster), or 0 where it declares none. FFmpeg's Matroska demuxer reads each packet of
 * that track this much early (rounded to the track's time base); ffprobe does not show it.
 * Pure: the bytes of the file, or its first part.
 */
export function matroskaCodecDelayNs(bytes: Uint8Array): number {
  const at = (i: number, id: readonly number[]) => id.every((b, k) => bytes[i + k] === b);
  for (let i = 0; i + CLUSTER.length <= bytes.length; i++) {
    if (at(i, CLUSTER)) return 0;
    if (!at(i, CODEC_DELAY)) continue;
    const size = vint(bytes, i + CODEC_DELAY.length);
    if (!size || size.value > 8) return 0;
    let value = 0;
    for (let k = 0; k < size.value; k++) value = value * 256 + (bytes[size.end + k] ?? 0);
    return value;
  }
  return 0;
}

/** An EBML variable-size integer at `i`: its value (length marker removed) and where it ends. */
function vint(bytes: Uint8Array, i: number): { value: number; end: number } | undefined {
  const first = bytes[i];
  if (first === undefined || first === 0) return undefined;
  const width = Math.clz32(first) - 23;
  let value = first & (0xff >> width);
  for (let k = 1; k < width; k++) value = value * 256 + (bytes[i + k] ?? 0);
  return { value, end: i + width };
}
