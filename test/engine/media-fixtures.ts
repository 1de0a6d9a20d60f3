import { createHash } from 'node:crypto';
import type { Engine, Volume } from 'afmpeg';

/** Small and short: the suite must stay fast on two shared cores. */
export const SIZE = '160x120';

/** A 1 s H.264/AAC mp4 made by the engine itself from lavfi sources. */
export async function makeClip(engine: Engine, vol: Volume, path: string, seconds = 1): Promise<void> {
  await engine.run(vol, [
    '-hide_banner',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${SIZE}:rate=10:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    path,
  ]);
}

/** A PNG card of one colour. */
export async function makeCard(engine: Engine, vol: Volume, path: string, color: string): Promise<void> {
  await engine.run(vol, [
    '-hide_banner',
    '-f',
    'lavfi',
    '-i',
    `color=c=${color}:size=${SIZE}`,
    '-frames:v',
    '1',
    path,
  ]);
}

/** sha256 of every file under `dir`, to prove a failed run left the caller's inputs alone. */
export function snapshot(vol: Volume, dir = '/'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of vol.readdirSync(d) as string[]) {
      const p = d === '/' ? `/${name}` : `${d}/${name}`;
      if (vol.statSync(p).isDirectory()) walk(p);
      else
        out[p] = createHash('sha256')
          .update(vol.readFileSync(p) as Buffer)
          .digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Index of an ASCII box type in a file (mp4 atoms), -1 when absent. */
export function indexOfAscii(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes).indexOf(text, 0, 'latin1');
}
