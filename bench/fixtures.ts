import { readFile } from 'node:fs/promises';
import { createEngine, Volume } from 'afmpeg';

/** The media every benchmark job reads, made once by afmpeg itself so no other tool is needed. */
export interface Fixtures {
  readonly files: ReadonlyMap<string, Uint8Array>;
}

const recipes: readonly { name: string; args: string[] }[] = [
  {
    name: 'src720.mp4',
    args: [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ],
  },
  {
    name: 'short.mp4',
    args: [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=48000:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ],
  },
  ...[1, 2, 3, 4, 5].map((n) => ({
    name: `card${n}.png`,
    args: ['-f', 'lavfi', '-i', `testsrc2=size=1080x1920:rate=1,hue=h=${n * 60}`, '-frames:v', '1'],
  })),
];

/**
 * Made only for the benches that ask: `src720.mp4` again with a keyframe every 2 s (`-g 60`),
 * where x264's default GOP of 250 frames gives that 10 s source keyframes at 0 and 8.33 s only.
 * Phones and streaming services write GOPs of 1-2 s; a segmented encode that starts between two
 * keyframes decodes from the earlier one for nothing, so the GOP decides what a split costs.
 */
const optionalRecipes: readonly { name: string; args: string[] }[] = [
  {
    name: 'src720-gop2.mp4',
    args: [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-shortest'],
    ],
  },
  // A 240x96 logo with an alpha channel, to lay over the video.
  {
    name: 'logo.png',
    args: [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=240x96:rate=1,format=rgba,colorchannelmixer=aa=0.6',
      '-frames:v',
      '1',
    ],
  },
];

/**
 * `media` is where the examples' MP3s are (`examples/media/`); the default is right for the
 * compiled benches (`.out/bench/`), a test from the sources passes its own. `optional` adds the
 * files only some benches read.
 */
export async function makeFixtures(
  media = new URL('../../examples/media/', import.meta.url),
  { optional = false } = {},
): Promise<Fixtures> {
  const engine = createEngine({ concurrency: 2 });
  const vol = new Volume();
  const made = optional ? [...recipes, ...optionalRecipes] : recipes;
  try {
    await Promise.all(made.map((r) => engine.run(vol, ['-hide_banner', '-y', ...r.args, `/${r.name}`])));
    const files = new Map(
      made.map((r) => [r.name, new Uint8Array(vol.readFileSync(`/${r.name}`) as Buffer)]),
    );
    // The builds decode MP3 but cannot encode it: the voice-overs and music bed are the examples' own.
    for (const name of ['voice-1.mp3', 'voice-2.mp3', 'music.mp3'])
      files.set(name, new Uint8Array(await readFile(new URL(name, media))));
    return { files };
  } finally {
    await engine.close();
  }
}
