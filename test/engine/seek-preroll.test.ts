import { createHash } from 'node:crypto';
import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * R-AF-17 (issue 11): an input seek (`-ss` before `-i`, how every segment after the first starts)
 * decodes from the keyframe before the cut, and FFmpeg throws those frames away. Every build
 * decodes that pre-roll without its non-reference H.264 frames
 * (build/patches/ffmpeg/0003-fftools-preroll-skip-nonref.patch): fewer frames decoded, and the
 * frames after the cut exactly those a full decode gives (an output seek decodes every frame).
 */

const SOURCE = '/src.mp4';
const SECONDS = 4;
const RATE = 30;

/** The PNG of every frame a run writes to `/frames/`, hashed, in order. */
async function decodedFrames(engine: Engine, vol: Volume, args: readonly string[]) {
  vol.rmSync('/frames', { recursive: true, force: true });
  vol.mkdirSync('/frames');
  const { stderr } = await engine.run(vol, [
    ...['-hide_banner', '-v', 'verbose', ...args],
    ...['-map', '0:v', '-c:v', 'png', '-f', 'image2', '/frames/%03d.png'],
  ]);
  const names = (vol.readdirSync('/frames') as string[]).sort();
  const hashes = names.map((n) =>
    createHash('sha256')
      .update(vol.readFileSync(`/frames/${n}`) as Uint8Array)
      .digest('hex'),
  );
  // FFmpeg's verbose summary: `Input stream #0:0 (video): 120 packets read (...); 81 frames decoded;`
  const stats = /Input stream #0:0 \(video\): (\d+) packets read[^;]*; (\d+) frames decoded/.exec(stderr);
  return { hashes, packets: Number(stats?.[1]), decoded: Number(stats?.[2]) };
}

describe.each(['gpl', 'lgpl', 'lean'] as const)(
  'R-AF-17 the %s build: an input seek skips the pre-roll it can',
  (variant) => {
    let engine: Engine;
    const vol = new Volume();
    beforeAll(async () => {
      engine = createEngine({ variant, concurrency: 1 });
      // One keyframe (at 0) and B-frames, some of them references (x264's b-pyramid): every cut
      // lands mid-GOP, after frames of each kind.
      const maker = variant === 'lgpl' ? createEngine({ variant: 'gpl', concurrency: 1 }) : engine;
      await maker.run(vol, [
        ...['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=${RATE}:duration=${SECONDS}`],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-bf', '3', '-g', '300', '-pix_fmt', 'yuv420p', SOURCE],
      ]);
      if (maker !== engine) await maker.close();
    });
    afterAll(() => engine.close());

    it.each([
      ['1.5', []],
      ['2.033333', []],
      ['2.5', ['-copyts']],
    ] as const)(
      '-ss %s before -i %j: the frames a full decode gives after the cut, fewer decoded',
      async (cut, globals) => {
        const seeked = await decodedFrames(engine, vol, [...globals, '-ss', cut, '-i', SOURCE]);
        const whole = await decodedFrames(engine, vol, [...globals, '-i', SOURCE, '-ss', cut]);
        expect(seeked.hashes).toHaveLength(Math.round((SECONDS - Number(cut)) * RATE));
        expect(seeked.hashes).toEqual(whole.hashes);
        expect(whole.decoded).toBe(SECONDS * RATE);
        expect(seeked.packets).toBe(SECONDS * RATE);
        // The frames before the cut that nothing refers to were never decoded.
        expect(seeked.decoded).toBeLessThan(seeked.packets - 10);
        expect(seeked.decoded).toBeGreaterThanOrEqual(seeked.hashes.length);
      },
    );

    it('an input -r, which numbers frames as they are decoded: every frame is decoded', async () => {
      const seeked = await decodedFrames(engine, vol, ['-r', String(RATE), '-ss', '2', '-i', SOURCE]);
      expect(seeked.packets).toBe(SECONDS * RATE);
      expect(seeked.decoded).toBe(SECONDS * RATE);
    });

    it("a -skip_frame of the user's own holds after the cut too", async () => {
      const skip = ['-skip_frame', 'noref'];
      const seeked = await decodedFrames(engine, vol, [...skip, '-ss', '2', '-i', SOURCE]);
      const whole = await decodedFrames(engine, vol, [...skip, '-i', SOURCE, '-ss', '2']);
      // Both read every packet from the keyframe at 0 and skip the same frames, after the cut too.
      expect(whole.decoded).toBeLessThan(SECONDS * RATE - 20);
      expect(seeked.decoded).toBe(whole.decoded);
      expect(seeked.hashes).toEqual(whole.hashes);
    });
  },
);

describe('R-AF-17 the pre-roll is decoded whole where the reorder depth is not known in advance', () => {
  let engine: Engine;
  const vol = new Volume();
  beforeAll(() => {
    engine = createEngine({ variant: 'gpl', concurrency: 1 });
  });
  afterAll(() => engine.close());

  it.each([
    // Matroska has no composition offsets to read the depth from: the decoder would learn it.
    ['H.264 in Matroska', '/src.mkv', ['-bf', '3']],
    // No frame out of order: the mov demuxer sets no depth.
    ['H.264 in MP4 without B-frames', '/nob.mp4', ['-bf', '0']],
  ] as const)('%s: every frame decoded, the same frames after the cut', async (_what, path, bframes) => {
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=${RATE}:duration=${SECONDS}`],
      ...['-c:v', 'libx264', '-preset', 'veryfast', ...bframes, '-g', '300', '-pix_fmt', 'yuv420p', path],
    ]);
    const seeked = await decodedFrames(engine, vol, ['-ss', '1.5', '-i', path]);
    const whole = await decodedFrames(engine, vol, ['-i', path, '-ss', '1.5']);
    expect(seeked.decoded).toBe(SECONDS * RATE);
    expect(seeked.hashes).toHaveLength((SECONDS - 1.5) * RATE);
    expect(seeked.hashes).toEqual(whole.hashes);
  });
});
