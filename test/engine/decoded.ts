import type { Engine, Volume } from 'afmpeg';

/** The per-frame hashes of a framemd5 listing (bytes or text; its `#` header lines, which name the
 * muxer's version, are left out), so a wasm decode compares with a native one line for line. */
export function framemd5Hashes(listing: Uint8Array | string): (string | undefined)[] {
  const text = typeof listing === 'string' ? listing : Buffer.from(listing).toString();
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)?.trim());
}

/** Frame `index` of a video, decoded to packed RGB24 (`width*height*3` bytes). */
export async function frameRgb(
  engine: Engine,
  vol: Volume,
  path: string,
  index: number,
): Promise<Uint8Array> {
  const { stdout } = await engine.run(vol, [
    ...['-hide_banner', '-loglevel', 'error', '-i', path],
    ...['-vf', `select=eq(n\\,${index})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
  ]);
  return stdout;
}

/** Mean R, G, B over a region of a packed RGB24 frame of width `width`. */
export function meanRgb(
  rgb: Uint8Array,
  width: number,
  region: { x: number; y: number; w: number; h: number },
): [number, number, number] {
  const sum = [0, 0, 0];
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (rgb[at + c] as number);
    }
  }
  const n = region.w * region.h;
  return [(sum[0] as number) / n, (sum[1] as number) / n, (sum[2] as number) / n];
}

/** Mean energy (mean square) of the first audio stream, decoded to mono float at its own rate. */
export async function audioEnergy(
  engine: Engine,
  vol: Volume,
  path: string,
  args: string[] = [],
): Promise<number> {
  const { stdout } = await engine.run(vol, [
    ...['-hide_banner', '-loglevel', 'error', ...args, '-i', path],
    ...['-map', '0:a:0', '-ac', '1', '-c:a', 'pcm_f32le', '-f', 'wav', 'pipe:1'],
  ]);
  // The samples follow the WAV's `data` chunk header (builds need not carry a raw f32le muxer).
  const data = Buffer.from(stdout).indexOf('data', 12, 'latin1') + 8;
  const pcm = stdout.slice(data, data + Math.floor((stdout.length - data) / 4) * 4);
  const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
  let sum = 0;
  for (const s of samples) sum += s * s;
  return sum / samples.length;
}
