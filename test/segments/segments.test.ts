import {
  Command,
  createEngine,
  type Engine,
  FFmpegExitError,
  type InputOptions,
  type InputStreamSelector,
  MissingInputError,
  type OutputOptions,
  RunAbortedError,
  RunTimeoutError,
  runCommand,
  type SyncFileSystem,
  Volume,
  VolumeCapacityError,
} from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errnoError, interceptIo } from '../engine/intercepted-io.js';
import { snapshot } from '../engine/media-fixtures.js';
import { TEST_FONT_FAMILY, testFontBytes } from '../engine/test-font.js';
import { outputChecks, writing as to } from './compare-outputs.js';

// R-AF-17: one job's encode split across the pool's workers and joined losslessly. Every check
// compares with the same command run whole: the decoded frames' timestamps (framemd5), the
// audio's decoded samples, and the picture quality against the source.

let engine: Engine;
const vol = new Volume();
const SOURCE = '/in/clip.mp4';

/** A phone's frame times on a 1/600 s clock (`setpts`), over 30 fps: a tick early or late here and there. */
const PHONE_JITTER = 'N*20+if(eq(mod(N\\,5)\\,2)\\,1\\,0)-if(eq(mod(N\\,7)\\,3)\\,1\\,0)';

/**
 * An MP4 of 4 s of 30 fps test pattern (and a tone) whose frames lie at `times` (`setpts`) on a
 * 1/600 s clock, as phones write them; made once.
 */
const uneven = async (path: string, times: string, audio = true) => {
  if (vol.existsSync(path)) return;
  await engine.run(vol, [
    ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=4'],
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'] : []),
    ...['-vf', `settb=1/600,setpts=${times}`, '-fps_mode', 'passthrough', '-enc_time_base', '1/600'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-video_track_timescale', '600', path],
  ]);
};

/** Encoded losslessly (-qp 0): each decoded frame is the graph's own, to compare bit for bit. */
const LOSSLESS = ['-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-c:a', 'aac'];

const { frameTimes, audioMd5, videoMd5, psnr, lowestFramePsnr, streams, shown, packetsOf } = outputChecks(
  () => engine,
  vol,
);

/** Each stream's kind, codec, start, dispositions and tags, as ffprobe lists them. */
const describedStreams = (path: string) =>
  shown(path, 'stream=codec_type,codec_name,start_pts:stream_disposition:stream_tags', 'compact');

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  vol.mkdirSync('/in', { recursive: true });
  vol.mkdirSync('/out', { recursive: true });
  // 4 s at 25 fps with a tone; keyframes far apart so segments really start mid-GOP.
  await engine.run(vol, [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240:rate=25:duration=4',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000:duration=4',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '250',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    SOURCE,
  ]);
  vol.writeFileSync('/in/list.txt', `file '${SOURCE}'\nfile '${SOURCE}'\n`);
  for (const [i, color] of ['red', 'navy'].entries())
    await engine.run(vol, [
      '-f',
      'lavfi',
      '-i',
      `color=c=${color}:size=320x240`,
      '-frames:v',
      '1',
      `/in/card-${i}.png`,
    ]);
});

afterAll(() => engine.close());

const transcode = new Command({ y: true })
  .input(SOURCE)
  .filter('scale', { w: 240, h: -2 })
  .output('/out/whole.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac', 'b:a': '96k' });

const reel = new Command({ y: true })
  .input('/in/card-0.png', { loop: 1, framerate: 25, t: 2 })
  .input('/in/card-1.png', { loop: 1, framerate: 25, t: 2 })
  .input(SOURCE)
  .filter('xfade', { duration: 0.5, offset: 1.5 })
  .filter('format', { pix_fmts: 'yuv420p' })
  .graph((g) => ({ mix: g.input(2).audio.filter('volume', { volume: 0.5 }) }))
  .output('/out/whole.mp4', { map: ['mix'], t: 3.5, 'c:v': 'libx264', preset: 'veryfast', 'c:a': 'aac' });

// A filter that counts frames (a fade over the first 25), and no `map`: FFmpeg picks the audio,
// in the first segment's audio output as in one run, once the input's index says it has audio.
// Nor does the command say how long it is: the index says that too. (A fade by time, under the
// source's own -r, seeks since 2026-12-02.)
const fadeIn = new Command({ y: true })
  .input(SOURCE)
  .filter('fade', { t: 'in', s: 0, n: 25 })
  .output('/out/whole.mp4', { r: 25, 'c:v': 'libx264', preset: 'veryfast', 'c:a': 'aac' });

describe.each([
  // The source's only keyframe is at 0, so each later segment decodes from 0 again (1/7 a frame
  // each), and the first also encodes the audio (7 % of 100 frames): with 2 segments the two
  // weigh the same (c + 7 = 100 - c + c/7: frame 50); with 4 the first gets the fewest frames
  // (25 + 7, 29 + 25/7, 25 + 54/7, 21 + 79/7). The output-seek segments run the graph from 0 (1/2
  // a frame each over still cards, 1/6 over a video), so the later ones get fewer (the last keeps
  // its half second), and the first encodes the audio (5 % of the frames): c + 4.4 = 87.5 - c +
  // c/2, frame 55; over the video c + 5 = 100 - c + c/6, frame 52. With the audio in the join
  // (-shortest) nothing rides with the first: c = 87.5 - c + c/2, frame 58.
  ['a transcode (input-seek)', transcode, 'input-seek', 100, { 2: [2], 4: [1, 2.16, 3.16] }, 'first-segment'],
  [
    'a graph of still cards and a crossfade (output-seek)',
    reel,
    'output-seek',
    88,
    { 2: [2.2], 4: [1.8, 2.52, 3] },
    'first-segment',
  ],
  [
    'a fade-in, streams chosen by FFmpeg (output-seek)',
    fadeIn,
    'output-seek',
    100,
    { 2: [2.08], 4: [1.12, 2.24, 3.2] },
    'first-segment',
  ],
  [
    'still cards to the shorter of picture and sound (output-seek, -shortest)',
    reel.mapOutputs((o) => ({ ...o, options: { ...o.options, shortest: true } })),
    'output-seek',
    88,
    { 2: [2.32], 4: [2, 2.52, 3] },
    'join',
  ],
] as const)('R-AF-17 %s', (_name, cmd, mode, frames, cuts, audio) => {
  let wholeTimes: string[];
  beforeAll(async () => {
    await runCommand(vol, to(cmd, '/out/whole.mp4'), { engine });
    wholeTimes = await frameTimes('/out/whole.mp4');
    expect(wholeTimes).toHaveLength(frames);
  });

  it.each([2, 4])(
    'in %i segments: every frame once at the single run’s time, the same audio, the same quality',
    async (n) => {
      const path = `/out/split-${n}.mp4`;
      const progress: number[] = [];
      const result = await runCommand(vol, to(cmd, path), {
        engine,
        segments: n,
        onProgress: (p) => progress.push(p.percent ?? -1),
      });
      expect(result.segmentation).toEqual({
        segments: n,
        mode,
        cuts: cuts[n as 2 | 4],
        audio,
        timings: { segmentsMs: Array(n).fill(expect.any(Number)), joinMs: expect.any(Number) },
      });
      // Every segment and the join took time, and none of it more than the whole job did.
      const { segmentsMs, joinMs } = result.segmentation.timings ?? { segmentsMs: [], joinMs: 0 };
      for (const ms of [...segmentsMs, joinMs]) expect(ms).toBeGreaterThan(0);
      expect(Math.max(...segmentsMs) + joinMs).toBeLessThanOrEqual(result.durationMs + 1);
      expect(result.exitCode).toBe(0);
      expect(await frameTimes(path)).toEqual(wholeTimes);
      // Each frame's picture is the whole run's, re-encoded: a frame taken from its neighbour
      // (a cut one frame off, with the counts still right) falls to about 21 dB.
      expect(await lowestFramePsnr(path, '/out/whole.mp4')).toBeGreaterThan(32);
      expect(await audioMd5(path)).toBe(await audioMd5('/out/whole.mp4'));
      const reference = mode === 'input-seek' ? '/out/ref.mp4' : '/out/whole-lossless.mkv';
      if (!vol.existsSync(reference))
        await runCommand(
          vol,
          cmd.mapOutputs((o) => ({
            path: reference,
            options: { ...o.options, 'c:v': 'libx264', crf: 0, preset: 'ultrafast', movflags: undefined },
          })),
          { engine },
        );
      const quality = [await psnr('/out/whole.mp4', reference), await psnr(path, reference)];
      expect(Math.abs((quality[0] as number) - (quality[1] as number))).toBeLessThan(0.3);
      expect(progress.at(-1)).toBe(100);
      expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] as number) - 1e-9)).toBe(true);
    },
  );
});

describe('R-AF-17 cuts balanced on the source keyframes (input-seek)', () => {
  // Video only, so nothing rides with the first segment: the cuts show the pre-roll alone.
  const videoOnly = (source: string, path: string) =>
    new Command({ y: true })
      .input(source)
      .output(path, { 'c:v': 'libx264', preset: 'veryfast', crf: 23, pix_fmt: 'yuv420p' });

  it.each([
    // keyframe only at 0: the second segment decodes 0..c again (1/7 each), so it gets fewer
    // frames: frame 54 (54 against 46 + 54/7 = 53.7; frame 53 would leave 47 + 53/7 = 54.6)
    ['sparse keyframes', 250, 'ultrafast', [2.16]],
    // the same with B-frames (x264's veryfast): FFmpeg decodes that pre-roll without the frames
    // nothing refers to (build/patches/ffmpeg/0003), 1/12 each: frame 52 (52 against
    // 48 + 52/12 = 52.3; frame 53 would take 53)
    ['sparse keyframes, B-frames', 250, 'veryfast', [2.08]],
    // a keyframe every second: the balance is the keyframe at 2 s, no pre-roll
    ['dense keyframes', 25, 'ultrafast', [2]],
    // keyframes every 0.8 s (frames 0, 20, 40, 60, 80): off them the balance is frame 51
    // (2.04 s: 51 against 49 + 11/7); the keyframe at 1.6 s would leave 60 frames to the second
    ['keyframes every 0.8 s', 20, 'ultrafast', [2.04]],
  ])(
    '%s, GOP %i (x264 %s): cut at %o s, every frame once at the single run’s time',
    async (_name, gop, preset, cuts) => {
      const source = `/in/gop-${gop}-${preset}.mp4`;
      await engine.run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
        ...['-c:v', 'libx264', '-preset', preset, '-g', String(gop), '-keyint_min', String(gop)],
        ...['-sc_threshold', '0', '-pix_fmt', 'yuv420p', source],
      ]);
      await runCommand(vol, videoOnly(source, '/out/gop-whole.mp4'), { engine });
      const result = await runCommand(vol, videoOnly(source, '/out/gop-split.mp4'), { engine, segments: 2 });
      expect(result.segmentation).toEqual({
        segments: 2,
        mode: 'input-seek',
        cuts,
        timings: expect.anything(),
      });
      const times = await frameTimes('/out/gop-split.mp4');
      expect(times).toHaveLength(100);
      expect(times).toEqual(await frameTimes('/out/gop-whole.mp4'));
      expect(await lowestFramePsnr('/out/gop-split.mp4', '/out/gop-whole.mp4')).toBeGreaterThan(32);
    },
  );
});

/**
 * `source` (with `input`'s options) to H.264 (and AAC where it has audio) in an `into` file at 1
 * and `n` segments: the split's mode, then every frame's time and picture, and the audio, against
 * the whole run's. The split's result, for its cuts.
 */
async function expectSplitLikeWhole(
  source: string,
  n: number,
  mode: string,
  frames: number,
  {
    input = {},
    second,
    into = 'mp4',
    output = {},
  }: { input?: InputOptions; second?: string; into?: string; output?: OutputOptions<never> } = {},
) {
  const name = source.replace(/^.*\/|\..*$/g, '');
  const inputs = new Command({ y: true }).input(source, input);
  const cmd = (path: string) =>
    (second === undefined ? inputs : inputs.input(second)).output(path, {
      'c:v': 'libx264',
      preset: 'ultrafast',
      'c:a': 'aac',
      ...output,
    });
  const whole = `/out/${name}-whole.${into}`;
  const split = `/out/${name}-split-${n}.${into}`;
  await runCommand(vol, cmd(whole), { engine });
  const result = await runCommand(vol, cmd(split), { engine, segments: n });
  expect(result.segmentation).toMatchObject({ segments: n, mode });
  const times = await frameTimes(split);
  expect(times).toHaveLength(frames);
  expect(times).toEqual(await frameTimes(whole));
  expect(await lowestFramePsnr(split, whole)).toBeGreaterThan(32);
  if ((await engine.probe(vol, whole)).streams.some((s) => s.codecType === 'audio'))
    expect(await audioMd5(split)).toBe(await audioMd5(whole));
  // The same streams, at the same rates, and A/V sync: each starts where it does in the whole
  // run (to the container's precision).
  const starts = async (path: string) =>
    (await streams(path)).map((s) => `${s.type} ${s.codec} ${s.rate} ${s.averageRate} ${s.startTime}`);
  expect(await starts(split)).toEqual(await starts(whole));
  // And as long: a Matroska file's length is where its last packet ends.
  expect((await engine.probe(vol, split)).format.duration).toBe(
    (await engine.probe(vol, whole)).format.duration,
  );
  return result;
}

/** `cmd` run in `count` segments and aborted once its progress passes 5 %. */
function splitAbortedOnceStarted(cmd: Command<string>, count: number) {
  const controller = new AbortController();
  return runCommand(vol, cmd, {
    engine,
    segments: count,
    signal: controller.signal,
    onProgress: (p) => {
      if ((p.percent ?? 0) > 5) controller.abort();
    },
  });
}

/** Runs `cmd` asking for 2 segments, and checks it ran whole with a reason saying `reason`. */
async function expectRunsWhole(cmd: Command<string>, reason: string) {
  const result = await runCommand(vol, cmd, { engine, segments: 2 });
  expect(result.segmentation).toEqual({ segments: 1, reason: expect.stringContaining(reason) });
  return result;
}

/**
 * `cmd` run whole into `/out/{name}-whole.{ext}` and in 2 segments into `/out/{name}-split.{ext}`,
 * the split in `mode`.
 */
async function splitBesideWhole(
  cmd: (path: string) => Command<string>,
  name: string,
  ext: string,
  mode: string,
) {
  const [whole, split] = [`/out/${name}-whole.${ext}`, `/out/${name}-split.${ext}`];
  await runCommand(vol, cmd(whole), { engine });
  const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
  expect(result.segmentation).toMatchObject({ segments: 2, mode });
  return { whole, split, result };
}

/**
 * `cmd` (writing the path it is given) run whole and in 2 segments: the split's mode, then its
 * streams, every frame's time and every frame's picture against the whole run's.
 */
async function expectCommandSplitLikeWhole(
  cmd: (path: string) => Command<string>,
  name: string,
  mode: string,
) {
  const { whole, split, result } = await splitBesideWhole(cmd, name, 'mp4', mode);
  expect(await streams(split)).toEqual(await streams(whole));
  expect(await frameTimes(split)).toEqual(await frameTimes(whole));
  expect(await lowestFramePsnr(split, whole)).toBeGreaterThan(32);
  return result;
}

describe('R-AF-17 sources a cut must treat with care, split exactly', () => {
  // How the sources below are made from the 4 s test pattern and tone (after its H.264 options).
  const TS_AAC = ['-c:a', 'aac', '-f', 'mpegts'];
  const VIDEO_LATER = ['-vf', 'setpts=PTS+0.1/TB'];
  const AUDIO_LATE = ['-af', 'asetpts=PTS+0.5/TB', '-c:a', 'aac'];
  it.each([
    // MPEG-TS: its demuxer seeks near a time, onto any packet, so an input-seek segment lost the
    // frames up to the next keyframe (half the video, before): every segment decodes from 0.
    ['MPEG-TS, no index to seek on', '/in/video.ts', ['-f', 'mpegts'], 'output-seek', 100],
    // Matroska with MP3: the priming puts the video 0.023 s (0.575 frame) after the start, and
    // FFmpeg shows the first frame twice in an MP4. A cut on the output's frame times gave the
    // second segment a frame 0.575 late, shown twice too (one frame more, before): the cuts now
    // fall on the frames the whole run shows there.
    [
      'Matroska whose first frame comes late, into MP4',
      '/in/late-video.mkv',
      ['-c:a', 'libmp3lame'],
      'input-seek',
      101,
    ],
    // Into Matroska FFmpeg keeps frame times but rounds each onto the encoder's (1/25 s): the
    // frame 0.575 late shows a frame time late, and every later one too. The QuickTime segments
    // filled to a constant rate and showed the first frame twice; they now keep frame times too,
    // and the join keeps the video's distance from the audio (-copyts, `inpoint 0`).
    [
      'the same into Matroska',
      '/in/late-video.mkv',
      ['-c:a', 'libmp3lame'],
      'input-seek',
      100,
      { into: 'mkv' },
    ],
    // A first segment cut with `-t 3` on the output: the last segment ran to the source's end
    // (126 frames for 75) until it was cut at the frame the whole run ends before.
    [
      'the same into MP4, 3 s of it (output -t)',
      '/in/late-video.mkv',
      ['-c:a', 'libmp3lame'],
      'input-seek',
      75,
      { output: { t: 3 } },
    ],
    // AAC's priming puts the video 0.021 s (0.525 frame) late: every Matroska FFmpeg makes with AAC.
    [
      'Matroska with AAC into Matroska',
      '/in/late-aac.mkv',
      ['-c:a', 'aac'],
      'input-seek',
      100,
      { into: 'mkv' },
    ],
    // At 60 fps the priming is 1.3 frame times: an input `-to` counts from the first frame, so a
    // first segment cut with it took a frame of the second (301 frames for 300, before).
    [
      'the same at 60 fps',
      '/in/late-aac-60.mkv',
      ['-c:a', 'aac'],
      'input-seek',
      240,
      { into: 'mkv', rate: 60 },
    ],
    // Opus's pre-skip puts it 0.0065 s (0.16 frame) late: rounded back onto the frame times.
    [
      'Matroska with Opus into Matroska',
      '/in/late-opus.mkv',
      ['-c:a', 'libopus'],
      'input-seek',
      100,
      { into: 'mkv' },
    ],
    // AAC's priming puts an MPEG-TS's video 0.021 s (0.53 frame) after its audio, and the whole
    // run into MP4 shows the first frame twice. Ran whole before (2026-12-02): every segment
    // decodes it from the start, cut after the graph at the frame the whole run shows there.
    [
      'an MPEG-TS whose AAC starts before its video, into MP4 (after the graph)',
      '/in/offset.ts',
      TS_AAC,
      'output-seek',
      101,
    ],
    // A segment that reads no audio counts such a file from its video (FFmpeg's "Correcting start
    // time"), and so does the whole run without audio: no frame shown twice.
    [
      'the same without its audio (-an)',
      '/in/offset.ts',
      TS_AAC,
      'output-seek',
      100,
      { output: { an: true } },
    ],
    // Video 0.1 s later still: the first frame shown four times.
    [
      'an MPEG-TS whose video starts 0.12 s after its audio',
      '/in/later-video.ts',
      [...VIDEO_LATER, ...TS_AAC],
      'output-seek',
      103,
    ],
    [
      'the same without its audio (-an)',
      '/in/later-video.ts',
      [...VIDEO_LATER, ...TS_AAC],
      'output-seek',
      100,
      { output: { an: true } },
    ],
    // Audio that starts after the video: the join read the scratch audio from its own first
    // sample, so it came out at 0 (checked 2026-12-02: 0.45 s early, input-seek and output-seek,
    // into MP4 and Matroska; an MPEG-TS 13 ms early), and 1 ms early where the scratch file's edit
    // list held milliseconds.
    ['an MP4 whose audio starts 0.5 s after its video', '/in/late-audio.mp4', AUDIO_LATE, 'input-seek', 100],
    ['the same into Matroska', '/in/late-audio.mp4', AUDIO_LATE, 'input-seek', 100, { into: 'mkv' }],
    [
      'an MPEG-TS whose audio starts 0.5 s after its video (after the graph)',
      '/in/late-audio.ts',
      [...AUDIO_LATE, '-f', 'mpegts'],
      'output-seek',
      100,
    ],
  ] as const)(
    '%s, in 2 and 4 segments: every frame once, at the whole run’s time and picture',
    async (_name, source, making, mode, frames, how: {
      into?: string;
      rate?: number;
      output?: { t?: number; an?: boolean };
    } = {}) => {
      if (!vol.existsSync(source))
        await engine.run(vol, [
          ...['-y', '-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=${how.rate ?? 25}:duration=4`],
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', ...making, source],
        ]);
      for (const n of [2, 4]) await expectSplitLikeWhole(source, n, mode, frames, how);
    },
  );

  // No probe reads a lavfi graph: the split took it to have audio, and its first segment asked
  // FFmpeg for the audio of `testsrc2` ("Output file #1 does not contain any stream", exit 1).
  it('a lavfi source without audio (testsrc2): split, video only, every frame as in the whole run', async () => {
    const cmd = (path: string) =>
      Command.parse(
        `-y -f lavfi -i testsrc2=size=320x240:rate=25:duration=4 -c:v libx264 -preset ultrafast -g 250 ${path}`,
      );
    const result = await expectCommandSplitLikeWhole(cmd, 'lavfi-video-only', 'input-seek');
    expect(result.segmentation.audio).toBeUndefined();
    expect((await streams('/out/lavfi-video-only-split.mp4')).map((s) => s.type)).toEqual(['video']);
  });
});

describe('R-AF-17 the first input’s metadata and chapters, as one run copies them', () => {
  // Before (checked 2026-12-02): the join read only the concat list and the audio file, so a
  // split lost the title and every other global tag (chapters rode in with the audio file).
  // Into Matroska, which writes every global tag, the QuickTime scratch files lost a tag of the
  // source's own and gave an MP4 source's brands as `qt`.
  const TITLED = '/in/titled.mp4';
  /** The output's global tags and its chapters, as ffprobe prints them. */
  const tags = (path: string) =>
    shown(path, 'format_tags:chapter=start_time,end_time:chapter_tags=title', 'compact');
  const TITLED_MKV = '/in/titled.mkv';
  beforeAll(async () => {
    vol.writeFileSync(
      '/in/chapters.txt',
      ';FFMETADATA1\ntitle=A clip\ncomment=made for the test\nmade_with=afmpeg\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1500\nEND=4000\ntitle=Two\n',
    );
    for (const titled of [TITLED, TITLED_MKV])
      await engine.run(vol, [
        ...['-y', '-i', SOURCE, '-i', '/in/chapters.txt'],
        ...['-map', '0', '-map_metadata', '1', '-map_chapters', '1', '-c', 'copy', titled],
      ]);
  });
  // (An MP4's chapters come with a text track, a subtitle stream to FFmpeg: into Matroska, which
  // would carry it, that runs whole; a Matroska source has none.)
  it.each([
    [
      'with its audio, into MP4 (the audio file carries them)',
      TITLED,
      'mp4',
      { 'c:a': 'aac' },
      ['A clip', 'Two'],
    ],
    [
      'a Matroska source with its audio, into Matroska',
      TITLED_MKV,
      'mkv',
      { 'c:a': 'aac' },
      ['A clip', 'Two', 'MADE_WITH=afmpeg'],
    ],
    ['the same without audio', TITLED_MKV, 'mkv', { an: true }, ['A clip', 'Two', 'MADE_WITH=afmpeg']],
    ['an MP4 source into Matroska', SOURCE, 'mkv', { 'c:a': 'aac' }, ['MAJOR_BRAND=isom']],
    [
      'without audio, into MP4 (the first segment carries them)',
      TITLED,
      'mp4',
      { an: true },
      ['A clip', 'Two'],
    ],
  ] as const)('%s: the same tags and chapters', async (_name, source, into, audio, expected) => {
    const cmd = (path: string) =>
      new Command({ y: true })
        .input(source)
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', ...audio });
    const whole = `/out/titled-whole.${into}`;
    const split = `/out/titled-split.${into}`;
    await runCommand(vol, cmd(whole), { engine });
    const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
    for (const text of expected) expect(await tags(whole)).toContain(text);
    expect(await tags(split)).toEqual(await tags(whole));
    expect(await streams(split)).toEqual(await streams(whole));
  });

  // After the graph without audio, the first segment's -to clipped the chapters (FFmpeg clips them
  // at an output's length), and before (checked 2026-12-02) the split left them all out. Its second
  // output, an FFmpeg metadata file with the command's own -t, now holds them as one run writes them.
  // (Matroska: a video-only source, whose frames lie on the grid an output-seek split needs.)
  it.each([
    ['into MP4', 'mp4', TITLED, []],
    ['into MP4, -t 3 (one run clips the last chapter)', 'mp4', TITLED, ['-t', '3']],
    ['into Matroska, -t 3', 'mkv', '/in/titled-video.mkv', ['-t', '3']],
  ] as const)('after the graph without audio, %s: the same chapters', async (_name, into, source, bounds) => {
    if (!vol.existsSync('/in/titled-video.mkv'))
      await engine.run(vol, [
        ...['-y', '-i', SOURCE, '-i', '/in/chapters.txt', '-map', '0:v'],
        ...['-map_metadata', '1', '-map_chapters', '1', '-c', 'copy', '/in/titled-video.mkv'],
      ]);
    const cmd = (path: string) =>
      Command.parse([
        ...['-y', '-i', source, '-vf', 'fade=in:0:30', '-an', ...bounds],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', path],
      ]);
    const whole = `/out/faded-chapters-whole.${into}`;
    const split = `/out/faded-chapters-split.${into}`;
    await runCommand(vol, cmd(whole), { engine });
    const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'output-seek' });
    expect(await tags(whole)).toContain('Two');
    expect(await tags(split)).toEqual(await tags(whole));
    expect(await frameTimes(split)).toEqual(await frameTimes(whole));
  });

  // Into Matroska one run gives each stream its source stream's tags and its own encoder's ident.
  // Before (checked 2026-12-02): the video's came from the scratch QuickTime file (its title and
  // language note lost, VENDOR_ID FFMP), the audio's title lost; until 2026-12-03 the audio had
  // no encoder ident. The source's video is MPEG-4
  // Part 2 and its audio FLAC, so their encoder tags name other encoders than the output's.
  /** An MPEG-4 Part 2 and FLAC Matroska file whose tracks have titles, a language, a note. */
  const titledStreams = async () => {
    if (vol.existsSync('/in/titled-streams.mkv')) return;
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-c:v', 'mpeg4', '-c:a', 'flac'],
      ...[
        '-metadata:s:v:0',
        'title=Camera A',
        '-metadata:s:v:0',
        'language=eng',
        '-metadata:s:v:0',
        'note=kept',
      ],
      ...['-metadata:s:a:0', 'title=Commentary', '-metadata:s:a:0', 'language=fra', '/in/titled-streams.mkv'],
    ]);
  };

  it('stream tags into Matroska: the source’s titles and notes, the encoder’s ident', async () => {
    await titledStreams();
    const cmd = (path: string, own: string[] = []) =>
      Command.parse([
        ...['-y', '-i', '/in/titled-streams.mkv', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'],
        ...[...own, path],
      ]);
    const tagsOf = async (path: string) => (await shown(path, 'stream_tags', 'compact')).split('\n');
    for (const own of [[], ['-metadata:s:v:0', 'title=Renamed']]) {
      await runCommand(vol, cmd('/out/stream-tags-whole.mkv', own), { engine });
      const result = await runCommand(vol, cmd('/out/stream-tags-split.mkv', own), { engine, segments: 2 });
      expect(result.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
      const [wholeVideo, wholeAudio] = await tagsOf('/out/stream-tags-whole.mkv');
      const [splitVideo, splitAudio] = await tagsOf('/out/stream-tags-split.mkv');
      expect(wholeVideo).toContain(own.length ? 'title=Renamed' : 'title=Camera A');
      expect(wholeVideo).toContain('libx264');
      // Every tag, in FFmpeg's order.
      expect(splitVideo).toBe(wholeVideo);
      // The audio's too: the source's encoder (FLAC) gone, the one the first segment's stream
      // mapping names written last, as one run adds its own (the scratch QuickTime audio file
      // keeps none; before 2026-12-03 the split's audio had no encoder tag).
      expect(wholeAudio).toContain('ENCODER=Lavc');
      expect(splitAudio).toBe(wholeAudio);
    }
  });

  // A complex graph's output has no input stream: one run gives it no tags but its encoder's and
  // no disposition (not default); the audio mapped from the input keeps its own. Before
  // 2026-12-03 the split's video had the source's tags and default flag (seeking) or the scratch
  // file's (after the graph).
  it.each([
    ['seeking the input', '[0:v]scale=160:-2[v]', 'input-seek'],
    ['after the graph (a fade by frame count)', '[0:v]fade=t=in:s=0:n=25[v]', 'output-seek'],
  ] as const)(
    'a complex graph’s video into Matroska, %s: its tags and disposition as one run’s',
    async (_name, graph, mode) => {
      await titledStreams();
      const cmd = (path: string) =>
        Command.parse([
          ...['-y', '-i', '/in/titled-streams.mkv', '-filter_complex', graph, '-map', '[v]', '-map', '0:a'],
          ...[...LOSSLESS, path],
        ]);
      const described = (path: string) =>
        shown(path, 'stream=codec_type:stream_disposition=default:stream_tags', 'compact');
      await runCommand(vol, cmd('/out/graph-tags-whole.mkv'), { engine });
      const result = await runCommand(vol, cmd('/out/graph-tags-split.mkv'), { engine, segments: 2 });
      expect(result.segmentation).toMatchObject({ segments: 2, mode });
      const [video, audio] = (await described('/out/graph-tags-split.mkv')).split('\n');
      expect(video).toMatch(
        /^stream\|codec_type=video\|disposition:default=0\|tag:ENCODER=Lavc\S* libx264\|tag:DURATION=/,
      );
      expect(audio).toContain('title=Commentary');
      expect(await described('/out/graph-tags-split.mkv')).toBe(await described('/out/graph-tags-whole.mkv'));
    },
  );

  // Before (checked 2026-12-02): the join's own input 1 is the scratch audio file, and the split
  // came out with the source's chapters, where one run takes the file's.
  it('chapters from another input over a source with its own (-map_chapters 1): the file’s, as in one run', async () => {
    vol.writeFileSync(
      '/in/own-chapters.txt',
      ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=3000\ntitle=Own\n',
    );
    // Matroska with FLAC: no priming, so the frames stay on the grid an output-seek split needs.
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-i', '/in/own-chapters.txt', '-map', '0', '-map_chapters', '1'],
      ...['-c:v', 'copy', '-c:a', 'flac', '/in/own-chapters.mkv'],
    ]);
    const cmd = (path: string) =>
      Command.parse(
        `-y -i /in/own-chapters.mkv -i /in/chapters.txt -map_chapters 1 -c:v libx264 -preset ultrafast -c:a aac ${path}`,
      );
    await runCommand(vol, cmd('/out/rechaptered-whole.mp4'), { engine });
    const result = await runCommand(vol, cmd('/out/rechaptered-split.mp4'), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'output-seek' });
    const chapters = (path: string) =>
      shown(path, 'chapter=start_time,end_time:chapter_tags=title', 'compact');
    expect(await chapters('/out/rechaptered-whole.mp4')).toContain('Two');
    expect(await chapters('/out/rechaptered-split.mp4')).toEqual(
      await chapters('/out/rechaptered-whole.mp4'),
    );
    // Without an audio file to carry them, such a command runs whole.
    await expectRunsWhole(
      Command.parse(
        `-y -i /in/own-chapters.mkv -i /in/chapters.txt -map_chapters 1 -c:v libx264 -an /out/x.mp4`,
      ),
      'maps chapters from an input (-map_chapters)',
    );
  });

  // The FFmpeg recipe for a title and chapters from a file. Before (checked 2026-12-02): the join
  // took the metadata from its own input 1, the audio file, and the title was lost.
  it.each(['mp4', 'mkv'])('from an FFmpeg metadata file (-map_metadata 1), into %s', async (into) => {
    const cmd = (path: string) =>
      Command.parse(
        `-y -i ${SOURCE} -i /in/chapters.txt -map_metadata 1 -c:v libx264 -preset ultrafast -c:a aac ${path}`,
      );
    const whole = `/out/metadata-file-whole.${into}`;
    const split = `/out/metadata-file-split.${into}`;
    await runCommand(vol, cmd(whole), { engine });
    const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'output-seek' });
    for (const text of ['A clip', 'Two']) expect(await tags(whole)).toContain(text);
    expect(await tags(split)).toEqual(await tags(whole));
  });
});

describe('R-AF-17 keyframes the command fixes, kept by the cuts', () => {
  // Before (checked 2026-12-02): every segment started with a keyframe wherever the balance cut,
  // and counted the command's keyframe interval from there: "expr:gte(t,n_forced*2)" over 6 s
  // came out with keyframes at 0, 2, 3, 5 s for 0, 2, 4; a list at 1, 2.52, 3, 4, 5.52.
  const keyframeTimes = async (path: string) => {
    const r = await engine.run(
      vol,
      [
        '-v',
        'error',
        '-select_streams',
        'v',
        '-show_entries',
        'packet=pts_time,flags',
        '-of',
        'csv=p=0',
        path,
      ],
      { tool: 'ffprobe', stdout: 'capture' },
    );
    return new TextDecoder()
      .decode(r.stdout)
      .split('\n')
      .filter((line) => line.includes('K'))
      .map((line) => line.split(',')[0]);
  };
  it.each([
    ['a keyframe every second by expression', { force_key_frames: 'expr:gte(t,n_forced*1)' }, 4],
    // 1.3 s is frame 32.5, which FFmpeg rounds up: the keyframe and the cut at 1.32 s (and x264's
    // own 25 frames after it, at 2.32 s).
    ['keyframes at listed times', { force_key_frames: '0.5,1.3,2.5,3.1' }, 6],
    ['a fixed x264 GOP (-g 25 -sc_threshold 0)', { sc_threshold: 0 }, 4],
  ] as const)(
    '%s, in 2 and 4 segments: the whole run’s keyframes, frames and pictures',
    async (_name, own, keyframes) => {
      const cmd = (path: string) =>
        new Command({ y: true }).input(SOURCE).output(path, {
          'c:v': 'libx264',
          preset: 'veryfast',
          g: 25,
          'c:a': 'aac',
          privateOptions: own,
        });
      await runCommand(vol, cmd('/out/forced-whole.mp4'), { engine });
      const whole = await keyframeTimes('/out/forced-whole.mp4');
      expect(whole).toHaveLength(keyframes);
      for (const n of [2, 4]) {
        const result = await runCommand(vol, cmd('/out/forced-split.mp4'), { engine, segments: n });
        expect(result.segmentation.segments).toBeGreaterThan(1);
        for (const cut of result.segmentation.cuts ?? []) expect(whole).toContain(cut.toFixed(6));
        expect(await keyframeTimes('/out/forced-split.mp4')).toEqual(whole);
        expect(await frameTimes('/out/forced-split.mp4')).toEqual(await frameTimes('/out/forced-whole.mp4'));
        expect(await lowestFramePsnr('/out/forced-split.mp4', '/out/forced-whole.mp4')).toBeGreaterThan(32);
      }
    },
  );

  it.each([
    ["'source'", { force_key_frames: 'source' }, "by 'source'"],
    [
      'an interval that is not a whole number of frame times',
      { force_key_frames: 'expr:gte(t,n_forced*1.5)' },
      'not a whole number of frame times',
    ],
  ] as const)('keyframes forced by %s: runs whole and says why', async (_name, own, reason) => {
    const cmd = new Command({ y: true }).input(SOURCE).output('/out/forced.mp4', {
      'c:v': 'libx264',
      preset: 'ultrafast',
      'c:a': 'aac',
      privateOptions: own,
    });
    await expectRunsWhole(cmd, reason);
  });
});

describe('R-AF-17 encoders whose streams QuickTime cannot hold', () => {
  // FFmpeg 5.1's QuickTime muxer refuses VP9, Opus and FLAC: a split of these commands failed
  // with exit 1 ("vp9 only supported in MP4"). Their scratch files are now MP4, or Matroska for
  // Opus and MP3 bound for Matroska, whose padding a copy out of MP4 or MOV loses (MP3 into
  // Matroska had split that way, its decoded audio different from the whole run's, unnoticed).
  const fast = { privateOptions: { deadline: 'realtime', 'cpu-used': 8 } };
  it.each([
    ['H.264 with Opus, into MP4', 'mp4', { 'c:a': 'libopus' }],
    ['H.264 with FLAC, into Matroska', 'mkv', { 'c:a': 'flac' }],
    ['H.264 with MP3, into Matroska', 'mkv', { 'c:a': 'libmp3lame' }],
    ['VP9 with Vorbis, into WebM', 'webm', { 'c:v': 'libvpx-vp9', 'c:a': 'libvorbis', ...fast }],
    [
      'VP9 into WebM, FFmpeg choosing its audio (Opus)',
      'webm',
      { 'c:v': 'libvpx-vp9', 'c:a': undefined, ...fast },
    ],
    // The scratch audio file named no encoder, so it got its own container's (AAC for Vorbis).
    ['H.264 into Matroska, FFmpeg choosing its audio (Vorbis)', 'mkv', { 'c:a': undefined }],
    // Before: ran whole (QuickTime: "VP8 muxing is currently not supported"). IVF holds it.
    [
      'VP8 with Vorbis, into WebM (IVF segments)',
      'webm',
      { 'c:v': 'libvpx', 'b:v': '1M', 'c:a': 'libvorbis' },
    ],
    [
      'VP8 with Opus, into WebM, by FFmpeg’s realtime settings',
      'webm',
      { 'c:v': 'libvpx', 'c:a': 'libopus', ...fast },
    ],
    // Before: the join's stream copy gave AVI half a frame time as its time base (the MOV
    // segments' 1/12800 is finer than 1/500 s): 50 fps declared for 25, every other chunk empty.
    ['H.264 with MP3, into AVI', 'avi', { 'c:a': 'libmp3lame' }],
    ['MPEG-4 part 2 with MP3, into AVI', 'avi', { 'c:v': 'mpeg4', 'q:v': 5, 'c:a': 'libmp3lame' }],
  ] as const)(
    '%s: split, every frame once at the whole run’s time and picture, the same audio',
    async (_name, into, output) => {
      await expectSplitLikeWhole(SOURCE, 2, 'input-seek', 100, { into, output });
    },
  );

  // Their Matroska scratch audio gives back neither the encoder's first time nor its last
  // packet's length (`AudioEnds`): split, Opus into Matroska came out 8-13 ms longer and MP3 4 ms,
  // and from a Matroska or WebM file with Opus (which starts its codec delay before 0) the video
  // started 6 ms late. The Opus sources' audio starts after their start, where no other does here.
  it.each([
    ['Opus, from a WebM with Opus, into WebM', 'webm', { 'c:v': 'libvpx-vp9', 'c:a': 'libopus', ...fast }],
    [
      'Opus at low delay, from a Matroska file with Opus',
      'mkv',
      { 'c:a': 'libopus', privateOptions: { application: 'lowdelay' } },
    ],
    ['MP3, from a Matroska file with Opus', 'mkv', { 'c:a': 'libmp3lame' }],
  ] as const)('%s: split, the same start, length and audio as whole', async (_name, into, output) => {
    const source = `/in/with-opus.${into}`;
    if (!vol.existsSync(source))
      await engine.run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
        ...(into === 'webm'
          ? ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8']
          : ['-c:v', 'libx264']),
        ...['-g', '250', '-c:a', 'libopus', source],
      ]);
    expect((await engine.probe(vol, source)).format.startTime).toBeLessThan(0);
    await expectSplitLikeWhole(source, 2, 'input-seek', 100, { into, output });
  });

  // Copied audio goes into the input's own kind of file: from an MP4 with Opus or FLAC, the
  // QuickTime scratch file refused it (exit 1).
  it.each([
    ['Opus', '/in/opus.mp4', ['-c:a', 'libopus']],
    ['FLAC', '/in/flac.mp4', ['-c:a', 'flac', '-strict', 'experimental']],
  ] as const)('%s copied from an MP4 into Matroska: split, the same audio', async (_name, source, making) => {
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250', ...making, source],
    ]);
    await expectSplitLikeWhole(source, 2, 'input-seek', 100, { into: 'mkv', output: { 'c:a': 'copy' } });
  });

  it('AVI at a rate that is not a whole number (30000/1001): runs whole and says why', async () => {
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30000/1001:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '/in/ntsc.mp4'],
    ]);
    const cmd = new Command({ y: true }).input('/in/ntsc.mp4').output('/out/ntsc.avi', { 'c:v': 'mpeg4' });
    await expectRunsWhole(cmd, "an AVI output's time base is one frame time");
    expect(await frameTimes('/out/ntsc.avi')).toHaveLength(60);
  });
});

describe('R-AF-17 the encoders FFmpeg chooses where the command names none', () => {
  // `ffmpeg -i in.mp4 out.webm`: the segments name FFmpeg's choice for the format, read from
  // the build (`defaultVideoEncoder`; these ran whole, "not encoded with a named encoder").
  const fast = { privateOptions: { deadline: 'realtime', 'cpu-used': 8 } };
  it.each([
    ['FFmpeg choosing both (H.264 and AAC), into MP4', 'mp4', { 'c:v': undefined, 'c:a': undefined }],
    [
      'FFmpeg choosing both (VP9 and Opus), into WebM',
      'webm',
      { 'c:v': undefined, 'c:a': undefined, ...fast },
    ],
    [
      'FFmpeg choosing both (MPEG-4 part 2 and MP3), into AVI',
      'avi',
      { 'c:v': undefined, 'q:v': 5, 'c:a': undefined },
    ],
    [
      'FFmpeg choosing both (MPEG-2 and MP2), into MPEG-TS',
      'ts',
      { 'c:v': undefined, 'q:v': 5, 'c:a': undefined },
    ],
  ] as const)(
    '%s: split, every frame once at the whole run’s time and picture, the same audio',
    async (_name, into, output) => {
      await expectSplitLikeWhole(SOURCE, 2, 'input-seek', 100, { into, output });
    },
  );
});

describe('R-AF-17 frame-local filters that read the frame’s time or number', () => {
  // An input-seek segment starts its own clock and frame count at 0: these came out at 7.6 to
  // 31 dB from the whole run before. A count still goes output-seek, which runs them on the whole
  // run's frames; a segment's frames are given the whole run's times for the chain (`setpts`)
  // and seek.
  it.each([
    ['hue turning with time', 'input-seek', 'hue', { h: '2*PI*t' }],
    ['crop moving with the frame number', 'output-seek', 'crop', { w: 200, h: 200, x: 'n', y: 0 }],
    [
      'a timeline (enable)',
      'input-seek',
      'drawbox',
      { w: 50, h: 50, color: 'red', enable: 'between(t,2.5,3)' },
    ],
    ['a plain scale, for contrast', 'input-seek', 'scale', { w: 240, h: -2 }],
  ] as const)(
    '%s: split %s, every frame’s picture as in the whole run',
    async (_name, mode, filter, options) => {
      const cmd = (path: string) =>
        new Command({ y: true })
          .input(SOURCE)
          .filter(filter, options)
          .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
      await expectCommandSplitLikeWhole(cmd, 'timed', mode);
    },
  );
});

describe('R-AF-17 frame-local filters: split input-seek, every frame the whole run’s', () => {
  // Encoded losslessly (-qp 0), so each decoded frame is the graph's own: a filter that carried
  // anything from one frame to the next (a dither's error, a random draw, a count) would show.
  const CUBE_3D = [
    'LUT_3D_SIZE 2',
    ...['0 0 0.1', '0.9 0 0', '0 0.8 0', '0.9 0.8 0', '0 0 1', '1 0 1', '0 1 1', '1 1 0.9'],
  ];
  const CUBE_1D = ['LUT_1D_SIZE 3', '0 0 0', '0.6 0.5 0.4', '1 1 1'];
  beforeAll(() => {
    vol.writeFileSync('/in/tint.cube', `${CUBE_3D.join('\n')}\n`);
    vol.writeFileSync('/in/curve.cube', `${CUBE_1D.join('\n')}\n`);
    vol.writeFileSync('/in/font.woff', testFontBytes());
  });
  it.each([
    ['geometry', 'scale=240:-2,crop=200:120:10:10,pad=240:160:20:20,setsar=1,setdar=3/2'],
    ['orientation', 'hflip,vflip,transpose=1,rotate=0.3'],
    ['YUV colour', 'eq=contrast=1.2:brightness=0.05,hue=h=30:s=1.2,lutyuv=u=128,lut=y=negval,negate'],
    [
      'RGB colour',
      'format=rgb24,lutrgb=r=maxval-val,colorchannelmixer=rr=0.5,colorbalance=rs=0.3,colorlevels=rimin=0.1,curves=preset=vintage',
    ],
    ['blurs', 'unsharp=5:5:1.0,boxblur=2:1,gblur=sigma=2,avgblur=3,median=radius=2'],
    ['drawn', 'drawbox=x=10:y=10:w=50:h=50:color=red,drawgrid=w=40:h=40:color=white,null,copy'],
    ['frame properties', 'setparams=range=pc,setrange=tv,setfield=tff'],
    [
      'grading',
      'colortemperature=temperature=4000,exposure=exposure=0.3,vibrance=intensity=0.3,colorcontrast=rc=0.3,colorcorrect=rl=0.1,huesaturation=hue=20,colorize=hue=100:saturation=0.3:mix=0.5',
    ],
    [
      'selective colour, shifts',
      "selectivecolor=reds='0.1 0 0 0',chromashift=cbh=4,rgbashift=rh=4,monochrome",
    ],
    [
      'keys',
      'format=yuva420p,chromakey=color=0x00FF00:similarity=0.3,lumakey=threshold=0.4:tolerance=0.2,hsvkey=hue=60:sat=0.5:val=0.5,premultiply=inplace=1,format=rgba,colorkey=color=red:similarity=0.4,despill,premultiply=inplace=1',
    ],
    ['spatial denoisers, sharpening', 'removegrain=1,deblock,nlmeans=s=2:p=3:r=5,smartblur=1.5,cas=0.5'],
    ['edges', "convolution='0 -1 0 -1 5 -1 0 -1 0',sobel"],
    [
      'lens, borders, banding',
      'lenscorrection=k1=0.1,perspective=x0=10:y0=10,fillborders=left=10:mode=mirror,gradfun,deband',
    ],
    ['LUTs from files', 'lut3d=file=/in/tint.cube,lut1d=file=/in/curve.cube'],
    ['colour spaces', 'colorspace=all=bt709:iall=bt601-6-625:fast=1,colormatrix=bt601:bt709'],
    ['tone mapping', 'format=gbrpf32le,tonemap=hable:desat=0'],
    [
      'a text watermark',
      "drawtext=fontfile=/in/font.woff:text='afmpeg 2026':x=10:y=H-th-10:fontsize=24:box=1:boxcolor=black@0.5",
    ],
    [
      'text printed as written (expansion=none)',
      "drawtext=fontfile=/in/font.woff:expansion=none:text='%{pts}':fontsize=24",
    ],
  ])('%s (%s)', async (_name, vf) => {
    const name = `local-${_name.replace(/\W+/g, '-')}`;
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', SOURCE, '-vf', `${vf},format=yuv420p`, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, name, 'input-seek');
    expect(await videoMd5(`/out/${name}-split.mp4`)).toBe(await videoMd5(`/out/${name}-whole.mp4`));
  });

  let plain: string | undefined;
  // What reads the frame's time: seeked, each segment's frames given the whole run's times for
  // the chain (before: output-seek; given nothing back, hue at 28 dB, a timeline at 29-31 dB).
  // What prints or counts its number: after the graph. Every frame still the whole run's.
  it.each([
    [
      'hue, rotate and eq moving with time',
      'hue=h=2*PI*t,rotate=angle=PI*t/8,eq=brightness=0.1*sin(t):eval=frame',
      'input-seek',
    ],
    ['fades in and out by time', 'fade=t=in:st=0:d=1,fade=t=out:st=2.5:d=1.5', 'input-seek'],
    [
      'a box on a timeline across the cut',
      "drawbox=w=50:h=50:color=red:t=fill:enable='between(t,1.5,2.5)'",
      'input-seek',
    ],
    // An .srt names no font: libass would look for Arial, which the volume lacks.
    [
      'subtitles burnt in, one across the cut',
      `subtitles=/in/cues.srt:fontsdir=/in:force_style='FontName=${TEST_FONT_FAMILY}'`,
      'input-seek',
    ],
    ['the time printed', "drawtext=fontfile=/in/font.woff:text='%{pts\\:hms}':fontsize=20", 'input-seek'],
    ['the frame number printed', "drawtext=fontfile=/in/font.woff:text='%{frame_num}'", 'output-seek'],
    ['a timecode', "drawtext=fontfile=/in/font.woff:timecode='00\\:00\\:00\\:00':rate=25", 'output-seek'],
    ['a fade by frame counts', 'fade=in:0:30', 'output-seek'],
  ])('%s: %s, every frame the whole run’s', async (name, vf, mode) => {
    vol.writeFileSync(
      '/in/cues.srt',
      '1\n00:00:00,500 --> 00:00:01,960\nFirst\n\n2\n00:00:01,960 --> 00:00:02,200\nAcross the cut\n\n3\n00:00:02,240 --> 00:00:03,500\nThird\n',
    );
    const out = `clocked-${name.replace(/\W+/g, '-')}`;
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', SOURCE, '-vf', `${vf},format=yuv420p`, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, out, mode);
    // The filter did draw (a missing font would leave the picture as it was, split or not).
    plain ??= await (async () => {
      await engine.run(vol, [
        '-y',
        '-i',
        SOURCE,
        '-vf',
        'format=yuv420p',
        ...LOSSLESS,
        '/out/clocked-plain.mp4',
      ]);
      return videoMd5('/out/clocked-plain.mp4');
    })();
    expect(await videoMd5(`/out/${out}-whole.mp4`)).not.toBe(plain);
    expect(await videoMd5(`/out/${out}-split.mp4`)).toBe(await videoMd5(`/out/${out}-whole.mp4`));
    // Three segments: two cuts, neither on a keyframe.
    const three = await runCommand(vol, cmd(`/out/${out}-three.mp4`), { engine, segments: 3 });
    expect(three.segmentation).toMatchObject({ segments: 3, mode });
    expect(await videoMd5(`/out/${out}-three.mp4`)).toBe(await videoMd5(`/out/${out}-whole.mp4`));
  });
});

describe('R-AF-17 an fps filter: split input-seek, every frame the whole run’s', () => {
  // `fps` rounds each frame's time to its own frame times and fills each with the last frame
  // rounded there: a segment seeked to its cut, timed from 0, rounded otherwise and started its
  // count at its first frame (before: output-seek, every segment decoding from 0). Each segment
  // now starts at a source frame, given the whole run's clock, and writes its count of frames.
  // Encoded losslessly, so each decoded frame is the graph's own.
  beforeAll(async () => {
    await engine.run(vol, ['-y', '-i', SOURCE, '-c', 'copy', '/in/clip.mkv']);
  });
  it.each([
    ['25 fps into 24 (frames dropped)', 'fps=24', 96],
    ['into 30 (frames shown twice)', 'scale=240:-2,fps=fps=30', 120],
    ['into 30000/1001, the time drawn after it', 'fps=30000/1001,hue=h=2*PI*t', 120],
    ['into 12.5, rounding named', 'fps=12.5:round=near,scale=240:-2', 50],
  ])('%s (%s)', async (_name, vf, frames) => {
    const name = `fps-${_name.replace(/\W+/g, '-')}`;
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', SOURCE, '-vf', `${vf},format=yuv420p`, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, name, 'input-seek');
    const whole = await videoMd5(`/out/${name}-whole.mp4`);
    expect((await frameTimes(`/out/${name}-whole.mp4`)).length).toBe(frames);
    expect(await videoMd5(`/out/${name}-split.mp4`)).toBe(whole);
    // Three segments: two cuts, neither on a keyframe nor, at 30 fps, on a source frame's time.
    const three = await runCommand(vol, cmd(`/out/${name}-three.mp4`), { engine, segments: 3 });
    expect(three.segmentation).toMatchObject({ segments: 3, mode: 'input-seek' });
    expect(await videoMd5(`/out/${name}-three.mp4`)).toBe(whole);
  });

  // What the split does not work out stays after the graph, still the whole run's frames.
  it.each([
    ['rounding up', ['-i', SOURCE, '-vf', 'fps=24:round=up']],
    ['a start time', ['-i', SOURCE, '-vf', 'fps=fps=24:start_time=0.1']],
    ['a rate FFmpeg evaluates', ['-i', SOURCE, '-vf', 'fps=source_fps/2']],
    // The last one gives the rate: cut on the first one's, the split came out 4 ms short.
    ['two in a row', ['-i', SOURCE, '-vf', 'fps=50,fps=24']],
    ['an output -ss', ['-i', SOURCE, '-vf', 'fps=24', '-ss', '1']],
    ['an input -t', ['-t', '3', '-i', SOURCE, '-vf', 'fps=24']],
  ])('%s: output-seek', async (_name, args) => {
    const name = `fps-after-${_name.replace(/\W+/g, '-')}`;
    const cmd = (path: string) => Command.parse(['-y', ...args, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, name, 'output-seek');
    expect(await videoMd5(`/out/${name}-split.mp4`)).toBe(await videoMd5(`/out/${name}-whole.mp4`));
  });

  // An output -t keeps the frames it starts before (FFmpeg's trim rounds it to fps's frame
  // times: 61 at 2.53 s, 60 at 2.52 s): the last segment writes what is left of them.
  it.each([
    ['-t', '2.53', 61, []],
    ['-t', '2.52', 60, []],
    ['-to', '3', 72, []],
    // an input -ss: the output's 0 moves there (at 0.5 s, between two 25 fps frames)
    ['-t', '2', 48, ['-ss', '1']],
    ['-t', '2.5', 60, ['-ss', '0.5']],
  ])(
    'an output %s %s: split seeking, %i frames, every one the whole run’s (input options %j)',
    async (option, value, frames, seek: string[]) => {
      const name = `fps-t-${value}-${seek.join('')}`;
      const cmd = (path: string) =>
        Command.parse([
          '-y',
          ...seek,
          '-i',
          SOURCE,
          '-vf',
          'fps=24,format=yuv420p',
          option,
          value,
          ...LOSSLESS,
          path,
        ]);
      await expectCommandSplitLikeWhole(cmd, name, 'input-seek');
      expect(await frameTimes(`/out/${name}-whole.mp4`)).toHaveLength(frames);
      expect(await videoMd5(`/out/${name}-split.mp4`)).toBe(await videoMd5(`/out/${name}-whole.mp4`));
    },
  );

  // Matroska's frame times, read from the packet scan in milliseconds, are exact too.
  it('a Matroska source into 10 fps: split seeking, every frame the whole run’s', async () => {
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', '/in/clip.mkv', '-vf', 'fps=10,format=yuv420p', ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, 'fps-mkv', 'input-seek');
    expect(await videoMd5('/out/fps-mkv-split.mp4')).toBe(await videoMd5('/out/fps-mkv-whole.mp4'));
  });

  // Its first frame 21 ms late (AAC's priming, in milliseconds) rounds to 24 fps's second frame
  // time, which MP4 fills from the first: planned after the graph, where such a source runs whole
  // (its cuts seeking had been worked out for frames passed to the encoder as they are, and the
  // split came out a frame longer than one run).
  it('a Matroska source whose first frame comes late: runs whole and says why', async () => {
    const cmd = Command.parse([
      '-y',
      '-i',
      '/in/clip.mkv',
      '-vf',
      'fps=24',
      ...LOSSLESS,
      '/out/fps-late.mp4',
    ]);
    const result = await runCommand(vol, cmd, { engine, segments: 2 });
    expect(result.segmentation).toEqual({
      segments: 1,
      reason: expect.stringContaining('not evenly spaced'),
    });
    expect((await frameTimes('/out/fps-late.mp4')).length).toBe(97);
  });
});

describe('R-AF-17 graphs whose frames depend on other frames (tpad, reverse, temporal filters)', () => {
  // The issue's own examples of graphs a cut would change: seeked to its cut, a segment would
  // pad its own end, reverse its own range, or start a denoiser's memory afresh. Output-seek runs
  // the graph over the whole input in every segment and cuts after it, so each frame is the one
  // run's (checked 2026-12-02 with 2 and 3 segments, also yadif, deflicker, minterpolate).
  it.each([
    ['a still end added (tpad, stop)', '-vf tpad=stop_duration=1', 125],
    ['a still start added (tpad, start)', '-vf tpad=start_duration=0.5', 113],
    ['the video reversed', '-vf reverse -an', 100],
    // Its temporal strength only, and high: seeked, the denoiser's memory starts afresh (38 dB).
    ['a temporal denoiser (hqdn3d)', '-vf hqdn3d=0:0:40:40', 100],
    ['three frames blended (tmix)', '-vf tmix=frames=3', 100],
  ])(
    '%s: split output-seek, every frame once at the whole run’s time and picture',
    async (_name, vf, frames) => {
      const name = vf.replace(/\W+/g, '-');
      const cmd = (path: string) =>
        Command.parse(`-y -i ${SOURCE} ${vf} -c:v libx264 -preset ultrafast -c:a aac ${path}`);
      await expectCommandSplitLikeWhole(cmd, name, 'output-seek');
      const [split, whole] = [`/out/${name}-split.mp4`, `/out/${name}-whole.mp4`];
      expect(await frameTimes(split)).toHaveLength(frames);
      // Two ultrafast encodes of the same frames stay above 44 dB here.
      expect(await lowestFramePsnr(split, whole)).toBeGreaterThan(40);
      if (!vf.includes('-an')) expect(await audioMd5(split)).toBe(await audioMd5(whole));
    },
  );
});

describe('R-AF-17 a logo overlaid on the video (a still image, not looped)', () => {
  // Before: run whole, "the output's duration is unknown": a picture without -loop had no length
  // to the probe, and overlay lasts as long as its longer input. It is one frame time. Then
  // output-seek: every segment decoded and overlaid the video from its start. The picture is one
  // frame at 0, which overlay lays on every frame alike wherever the video starts: the segments
  // seek the video and read the picture as it is.
  it.each([
    [
      "the builder's overlay, FFmpeg choosing the audio",
      (path: string) =>
        new Command({ y: true })
          .input(SOURCE)
          .input('/in/card-0.png')
          .filter('overlay', { x: 'W-w-10', y: 'H-h-10' })
          .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' }),
    ],
    // FFmpeg gives the unlabelled pads the first unused video streams: the clip's, the logo's.
    [
      'a parsed graph without labels (-filter_complex overlay=10:10)',
      (path: string) =>
        Command.parse([
          ...['-y', '-i', SOURCE, '-i', '/in/card-0.png', '-filter_complex', 'overlay=10:10'],
          ...['-c:v', 'libx264', '-c:a', 'aac', path],
        ]),
    ],
    [
      'a parsed graph, mapped',
      (path: string) =>
        Command.parse([
          ...['-y', '-i', SOURCE, '-i', '/in/card-1.png'],
          ...[
            '-filter_complex',
            '[1:v]scale=64:-1[l];[0:v][l]overlay=10:10[v]',
            '-map',
            '[v]',
            '-map',
            '0:a',
          ],
          ...['-c:v', 'libx264', '-c:a', 'aac', path],
        ]),
    ],
  ] as const)('%s: splits input-seek, as in the whole run', async (_name, cmd) => {
    const result = await expectCommandSplitLikeWhole(cmd, 'logo', 'input-seek');
    expect(result.segmentation.cuts).toHaveLength(1);
    // Two ultrafast encodes of the same frames stay above 44 dB here; a logo missing from a
    // segment's frames, or one laid on its first frame only, leaves them far below.
    expect(await lowestFramePsnr('/out/logo-split.mp4', '/out/logo-whole.mp4')).toBeGreaterThan(40);
    expect(await audioMd5('/out/logo-split.mp4')).toBe(await audioMd5('/out/logo-whole.mp4'));
  });

  // A looped picture (-loop 1) with shortest=1, the usual way to bound it: the same picture every
  // frame time, ended with the video. Seeked too.
  it('a looped logo, ended with the video (-loop 1, shortest=1): splits input-seek, as in the whole run', async () => {
    const cmd = (path: string) =>
      Command.parse(
        `-y -i ${SOURCE} -loop 1 -i /in/card-0.png -filter_complex '[1:v]scale=48:-1[l];[0:v][l]overlay=W-w-8:8:shortest=1[v]' -map [v] -map 0:a -c:v libx264 -preset ultrafast -c:a aac ${path}`,
      );
    await expectCommandSplitLikeWhole(cmd, 'looped-logo', 'input-seek');
    expect(await frameTimes('/out/looped-logo-split.mp4')).toHaveLength(100);
    expect(await lowestFramePsnr('/out/looped-logo-split.mp4', '/out/looped-logo-whole.mp4')).toBeGreaterThan(
      40,
    );
  });

  // Laid on the first frame only, moving with time, a picture that moves, a looped one ended by
  // -t alone (each segment's would run on forever): what each frame shows, or where a segment
  // ends, depends on where the run starts. After the graph.
  it.each([
    ['on the first frame only (eof_action=pass)', '-i /in/card-0.png', 'overlay=10:10:eof_action=pass', ''],
    ['moving with the time', '-i /in/card-0.png', 'overlay=x=t*20:y=10', ''],
    ['an animated GIF', '-i /in/moving.gif', 'overlay=10:10', ''],
    ['a looped picture ended by -t alone', '-loop 1 -i /in/card-0.png', 'overlay=10:10', '-t 3'],
  ])('%s: splits output-seek, as in the whole run', async (_name, logo, graph, length) => {
    if (logo.includes('moving.gif'))
      await engine.run(vol, [
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=48x48:rate=5:duration=3',
        '/in/moving.gif',
      ]);
    const name = `logo-${graph.replace(/\W+/g, '-')}${length ? '-t' : ''}`;
    const cmd = (path: string) =>
      Command.parse(
        `-y -i ${SOURCE} ${logo} -filter_complex [0:v][1:v]${graph}[v] -map [v] -map 0:a ${length} -c:v libx264 -preset ultrafast -c:a aac ${path}`,
      );
    await expectCommandSplitLikeWhole(cmd, name, 'output-seek');
    expect(await lowestFramePsnr(`/out/${name}-split.mp4`, `/out/${name}-whole.mp4`)).toBeGreaterThan(40);
  });

  // FFmpeg gives an unlabelled overlay's second pad the first video stream not yet used: input
  // 0's second, where it has one, not the picture.
  it('unlabelled, over a file with two video streams: splits output-seek, as in the whole run', async () => {
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
      ...['-f', 'lavfi', '-i', 'color=c=green:size=64x64:rate=25:duration=4'],
      ...['-map', '0', '-map', '1', '-c:v', 'libx264', '-preset', 'ultrafast'],
      ...['-g', '250', '/in/two-video.mp4'],
    ]);
    const cmd = (path: string) =>
      Command.parse(
        `-y -i /in/two-video.mp4 -i /in/card-1.png -filter_complex overlay=10:10 -c:v libx264 -preset ultrafast ${path}`,
      );
    await expectCommandSplitLikeWhole(cmd, 'logo-two-video', 'output-seek');
  });

  it('a logo that is not there: the command’s own MissingInputError, nothing written', async () => {
    const before = snapshot(vol);
    const cmd = Command.parse(
      `-y -i ${SOURCE} -i /in/no-logo.png -filter_complex overlay=10:10 -c:v libx264 -c:a aac /out/no-logo.mp4`,
    );
    const error = await runCommand(vol, cmd, { engine, segments: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingInputError);
    expect((error as MissingInputError).args).toEqual(cmd.toArgs());
    expect(snapshot(vol)).toEqual(before);
  });
});

describe('R-AF-17 an -ss, -t and -to, on the output or the input', () => {
  // Before: run whole ("the output already seeks"). Without an output -ss, -to is a length, as
  // -t. An output -ss moves every segment's range by as much (the input seeked from there), and
  // the first segment's audio output keeps the command's own -ss, -t and -to.
  it.each([
    ['-to, the input seeked', { to: 3 }, 'input-seek', 75],
    ['-to, a filter reading the frame number (output-seek)', { to: 3, filter: true }, 'output-seek', 75],
    ['-t beside -to, which FFmpeg takes', { to: 3, t: 2 }, 'input-seek', 50],
    ['-ss, the input seeked from there', { ss: 1 }, 'input-seek', 75],
    [
      '-ss and -t, a filter reading the frame number (output-seek)',
      { ss: 1, t: 2, filter: true },
      'output-seek',
      50,
    ],
    // A filter reading the time seeks, its frames given the whole run's clock from the output's -ss.
    ['-ss and -t, a filter reading the time (input-seek)', { ss: 1, t: 2, timed: true }, 'input-seek', 50],
    ['-ss and -to, -to counted from the input’s start', { ss: 0.4, to: 3.2 }, 'input-seek', 70],
    // An input's own -ss (and -t, -to) moves and bounds the ranges too: it had gone output-seek.
    ['an input -ss', { input: { ss: 1 } }, 'input-seek', 75],
    ['an input -ss and -t, and an output -ss', { input: { ss: 0.6, t: 2.4 }, ss: 0.4 }, 'input-seek', 50],
    ['an input -ss and -to', { input: { ss: 1, to: 3 } }, 'input-seek', 50],
    [
      'an input -ss and -t, an output -ss, a filter reading the time',
      { input: { ss: 0.6, t: 2.4 }, ss: 0.4, timed: true },
      'input-seek',
      50,
    ],
  ] as const)('%s: splits, its frames and audio as in the whole run', async (_name, how, mode, frames) => {
    const { filter, timed, input, ...ends } = { filter: false, timed: false, input: {}, ...how };
    const cmd = (path: string) => {
      const base = new Command({ y: true }).input(SOURCE, input);
      const graph = filter
        ? base.filter('hue', { h: 'n/10' })
        : timed
          ? base.filter('hue', { H: '2*PI*t' })
          : base;
      return graph.output(path, {
        'c:v': 'libx264',
        preset: 'ultrafast',
        'c:a': 'aac',
        ...ends,
      });
    };
    const result = await expectCommandSplitLikeWhole(cmd, 'ends', mode);
    expect(await frameTimes('/out/ends-split.mp4')).toHaveLength(frames);
    expect(await audioMd5('/out/ends-split.mp4')).toBe(await audioMd5('/out/ends-whole.mp4'));
    expect(result.segmentation.segments).toBe(2);
  });
});

describe('R-AF-17 an audio filter (-af) rides with the audio, encoded once', () => {
  // Before: run whole. Left on the segments the filter bound to the first segment's seeked,
  // audio-less input (FFmpeg refused); it now goes to the one output that encodes the audio.
  it.each([
    [
      'a parsed -af, the input seeked',
      'input-seek',
      'mp4',
      (path: string) =>
        Command.parse([
          '-y',
          '-i',
          SOURCE,
          '-af',
          'aecho=0.8:0.9:100:0.3,volume=0.5',
          '-c:v',
          'libx264',
          '-c:a',
          'aac',
          path,
        ]),
    ],
    [
      "the builder's audio chain beside a timed video filter",
      'output-seek',
      'mp4',
      (path: string) =>
        new Command({ y: true })
          .input(SOURCE)
          .filter('hue', { h: 'n/10' })
          .filter('volume', { volume: 0.5 })
          .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' }),
    ],
    [
      'a parsed -filter:a (loudnorm, which reads seconds ahead) into Matroska',
      'input-seek',
      'mkv',
      (path: string) =>
        Command.parse([
          '-y',
          '-i',
          SOURCE,
          '-filter:a',
          'loudnorm',
          '-c:v',
          'libx264',
          '-c:a',
          'libvorbis',
          path,
        ]),
    ],
  ] as const)('%s: splits %s, the audio as in the whole run', async (_name, mode, into, cmd) => {
    const whole = `/out/filtered-whole.${into}`;
    const split = `/out/filtered-split.${into}`;
    await runCommand(vol, cmd(whole), { engine });
    const result = await runCommand(vol, cmd(split), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode, audio: 'first-segment' });
    expect(await streams(split)).toEqual(await streams(whole));
    expect(await frameTimes(split)).toEqual(await frameTimes(whole));
    expect(await audioMd5(split)).toBe(await audioMd5(whole));
    expect(await lowestFramePsnr(split, whole)).toBeGreaterThan(32);
  });

  it('over audio the join encodes (a complex graph without a map): runs whole and says why', async () => {
    const cmd = Command.parse(
      `-y -i ${SOURCE} -filter_complex [0:v]hue=h=n/10 -af volume=0.5 -c:v libx264 -c:a aac /out/joined-af.mp4`,
    );
    await expectRunsWhole(cmd, 'an audio filter (-af) on audio the split encodes in the join');
  });
});

describe('R-AF-17 a graph over a video whose rate is not a whole number (output-seek)', () => {
  // Before: cut at whole seconds, which lie on no 30000/1001 frame time: the join put the frame
  // after the cut 2 ms early (the output read back at 30 fps) and a picture a frame off (22 dB).
  const ntscClip = async () => {
    if (vol.existsSync('/in/ntsc-av.mp4')) return;
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30000/1001:duration=3'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=3'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '300', '-c:a', 'aac', '/in/ntsc-av.mp4'],
    ]);
  };

  it('30000/1001 fps through a timed filter: cut on its frames', async () => {
    await ntscClip();
    const cmd = (path: string) =>
      new Command({ y: true })
        .input('/in/ntsc-av.mp4')
        .filter('hue', { h: 'n/10' })
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    const result = await expectCommandSplitLikeWhole(cmd, 'ntsc-graph', 'output-seek');
    const [cut] = result.segmentation.cuts ?? [];
    expect(
      Math.abs(((cut as number) * 30000) / 1001 - Math.round(((cut as number) * 30000) / 1001)),
    ).toBeLessThan(1e-3);
    expect(await audioMd5('/out/ntsc-graph-split.mp4')).toBe(await audioMd5('/out/ntsc-graph-whole.mp4'));
  });

  it('over a 25 fps video as well, no -r: runs whole and says why', async () => {
    await ntscClip();
    const cmd = new Command({ y: true })
      .input(SOURCE)
      .input('/in/ntsc-av.mp4')
      .filter('overlay', { x: 10, y: 10 })
      .output('/out/two-rates.mp4', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await expectRunsWhole(cmd, "the video inputs' frame rates differ");
  });
});

describe('R-AF-17 a -vf written as -filter_complex (one input)', () => {
  const X264_AAC = ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac'];
  // Before: output-seek, every segment decoding the input from its start. One chain of
  // frame-local filters over input 0's video is a -vf in all but name: the segments seek.
  it.each([
    [
      'labelled and mapped, with the audio',
      ['-filter_complex', '[0:v]scale=240:-2[v]', '-map', '[v]', '-map', '0:a'],
      'input-seek',
    ],
    ['unlabelled, FFmpeg choosing the streams', ['-filter_complex', 'scale=240:-2,hflip'], 'input-seek'],
    [
      'the audio copied',
      ['-filter_complex', '[0:v]crop=160:120[v]', '-map', '[v]', '-map', '0:a', '-c:a', 'copy'],
      'input-seek',
    ],
    // Before: output-seek (one chain only).
    [
      'two chains joined by a label',
      ['-filter_complex', '[0:v]scale=240:-2[s];[s]hflip[v]', '-map', '[v]', '-map', '0:a'],
      'input-seek',
    ],
    // A filter that reads the time still runs after the graph.
    ['a timed filter', ['-filter_complex', '[0:v]hue=h=t[v]', '-map', '[v]', '-map', '0:a'], 'output-seek'],
  ] as const)('%s: splits (seeking where it can), as in the whole run', async (_name, graph, mode) => {
    const cmd = (path: string) => Command.parse(['-y', '-i', SOURCE, ...graph, ...X264_AAC, path]);
    await expectCommandSplitLikeWhole(cmd, 'complex-vf', mode);
    expect(await audioMd5('/out/complex-vf-split.mp4')).toBe(await audioMd5('/out/complex-vf-whole.mp4'));
  });
});

describe('R-AF-17 the output muxer’s own options', () => {
  // privateOptions reached the segments only: the join wrote an isom MP4 where the whole run
  // wrote an mp42 one, and left unfragmented what the whole run wrote in fragments.
  it('an MP4 brand: the join writes it as the whole run does', async () => {
    const cmd = (path: string) =>
      new Command({ y: true }).input(SOURCE).output(path, {
        'c:v': 'libx264',
        preset: 'ultrafast',
        'c:a': 'aac',
        privateOptions: { brand: 'mp42', write_tmcd: 0 },
      });
    const container = (path: string) => shown(path, 'format_tags=major_brand');
    await runCommand(vol, cmd('/out/muxer-whole.mp4'), { engine });
    const result = await runCommand(vol, cmd('/out/muxer-split.mp4'), { engine, segments: 2 });
    expect(result.segmentation.segments).toBe(2);
    const whole = await container('/out/muxer-whole.mp4');
    expect(whole).toBe('mp42');
    expect(await container('/out/muxer-split.mp4')).toBe(whole);
    expect(await frameTimes('/out/muxer-split.mp4')).toEqual(await frameTimes('/out/muxer-whole.mp4'));
  });

  // FFmpeg 5.1 makes a numeric `rotate` a display matrix only on a stream it copies: the whole
  // run (which encodes) wrote none, the join (which copies) a quarter turn, before.
  it('stream metadata, rotate among it: the streams turned, and tagged, as in the whole run', async () => {
    const cmd = (path: string) =>
      new Command({ y: true }).input(SOURCE).output(path, {
        'c:v': 'libx264',
        preset: 'ultrafast',
        'c:a': 'aac',
        streamMetadata: { 'v:0': { rotate: '90' }, 'a:0': { language: 'fra' } },
      });
    const turned = (path: string) => shown(path, 'stream_side_data=rotation:stream_tags=language', 'json');
    await runCommand(vol, cmd('/out/turned-whole.mp4'), { engine });
    const result = await runCommand(vol, cmd('/out/turned-split.mp4'), { engine, segments: 2 });
    expect(result.segmentation.segments).toBe(2);
    const whole = await turned('/out/turned-whole.mp4');
    expect(whole).toContain('fra');
    expect(await turned('/out/turned-split.mp4')).toBe(whole);
  });

  it.each([
    ['frag_keyframe+empty_moov', { movflags: ['frag_keyframe', 'empty_moov'] }],
    ['frag_duration', { privateOptions: { frag_duration: 1000000 } }],
  ] as const)('a fragmented MP4 (%s): runs whole and says why', async (_name, options) => {
    const cmd = new Command({ y: true })
      .input(SOURCE)
      .output('/out/fragmented.mp4', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac', ...options });
    await expectRunsWhole(cmd, 'fragmented MP4');
  });
});

describe('R-AF-17 a parsed command’s -filter:v', () => {
  // Kept as written in the parsed output's layout, it was lost when the splitter gave the output
  // new options: the segments ran without it (and one reading the frame number went input-seek).
  it.each([
    ['hue=h=n/10', 'output-seek'],
    ['hue=h=2*PI*t', 'input-seek'],
    ['scale=240:-2', 'input-seek'],
  ] as const)('-filter:v %s: split %s, every frame’s picture as in the whole run', async (graph, mode) => {
    const cmd = (path: string) =>
      Command.parse(`-y -i ${SOURCE} -filter:v ${graph} -c:v libx264 -preset ultrafast -c:a aac ${path}`);
    await expectCommandSplitLikeWhole(cmd, 'filter-v', mode);
  });

  // The split gives such an output options of its own (the encoder FFmpeg picks, `-map 0` by
  // kind), which leave the -filter:v raw: these ran whole ("raw options the splitter cannot
  // classify").
  it.each([
    ['no encoder named', 'input-seek', '-filter:v hue=h=2*PI*t -preset ultrafast'],
    ['-map 0', 'input-seek', '-map 0 -filter:v scale=240:-2 -c:v libx264 -preset ultrafast -c:a aac'],
    [
      '-map 0 and a graph reading the frame number',
      'output-seek',
      '-map 0 -filter:v hue=h=n/10 -c:v libx264 -preset ultrafast',
    ],
  ] as const)(
    '-filter:v with %s: split %s, every frame’s picture as in the whole run',
    async (_name, mode, argv) => {
      const cmd = (path: string) => Command.parse(`-y -i ${SOURCE} ${argv} ${path}`);
      await expectCommandSplitLikeWhole(cmd, 'filter-v-raw', mode);
    },
  );
});

describe('R-AF-17 cuts placed over the video the output gets', () => {
  // Audio mapped first sends a split after the graph (a video-first map now seeks the input).
  const MAPPED = { output: { map: ['0:a', '0:v'] } } as const;
  // A source with a keyframe at 0 only: the second segment also decodes 0..c (1/7 a frame), and
  // the first carries the audio (7 % of the video's cost over the same length).
  it.each([
    // 2 s of video under 4 s of audio: 50 frames, with audio of 100 frames' length riding the
    // first segment (7 frames' worth): frame 23 (23 + 7 = 30 against 27 + 23/7 = 30.3). Over
    // the whole 4 s the cut fell at 2 s, and the second segment got no frame at all.
    ['MP4, audio 2 s past the video', [0.92], '/in/long-audio.mp4', {}, 'input-seek', 50],
    // From Matroska, ffprobe's packet scan tells where the video ends. The AAC's priming puts the
    // first frame a little late, shown twice in the MP4, whole and split.
    ['Matroska, audio 2 s past the video', [0.92], '/in/long-audio.mkv', {}, 'input-seek', 51],
    // The last 2 s of the 4 s clip: the 50 frames it gets are cut near the middle (at 2 s before;
    // on its 25 fps frame times now, where whole seconds were the only grid without an -r).
    ['the last 2 s (-sseof -2)', [1.04], SOURCE, { input: { sseof: -2 } }, 'output-seek', 50],
    // After the graph (MAPPED), each input's video end is read too (the MP4
    // index, the packet scan): cut at 1 s. Over the whole 4 s the cut fell at 2 s, the second
    // segment got no frame, and the first encoded all 50.
    ['MP4 with a map, audio 2 s past the video', [1], '/in/long-audio.mp4', MAPPED, 'output-seek', 50],
    // Matroska's video end comes from ffprobe's packet scan (PCM: AAC's priming would put the
    // first frame late, which runs whole after the graph).
    ['Matroska with PCM and a map, the same', [1], '/in/long-audio-pcm.mkv', MAPPED, 'output-seek', 50],
    // The audio of another file, 4 s of it (the "replace the audio" command): an input without
    // video gives the video nothing, so the cut falls at 0.92 s (as for the file's own audio).
    // Counted at its whole length it fell at 2 s, and the second segment got no frame.
    [
      'audio from a second input, 2 s longer than the video',
      [0.92],
      '/in/long-audio.mp4',
      { second: '/in/tone-4s.m4a', output: { map: ['0:v', '1:a'] } },
      'input-seek',
      50,
    ],
  ] as const)(
    '%s: cut at %o s, every frame once at the whole run’s time and picture',
    async (_name, cuts, source, options, mode, frames) => {
      if ('second' in options && !vol.existsSync(options.second))
        await engine.run(vol, [
          ...['-y', '-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=48000:duration=4'],
          ...['-c:a', 'aac', options.second],
        ]);
      if (!vol.existsSync(source))
        await engine.run(vol, [
          ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2'],
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250'],
          ...['-c:a', source.includes('pcm') ? 'pcm_s16le' : 'aac', source],
        ]);
      const result = await expectSplitLikeWhole(source, 2, mode, frames, options);
      expect(result.segmentation.cuts).toEqual(cuts);
    },
  );
});

describe('R-AF-17 R-AF-20 the JSDoc example of runCommand’s segments holds', () => {
  it('4 s at 25 fps, one keyframe, with a tone: cut at 2 s', async () => {
    const cmd = new Command({ y: true })
      .input(SOURCE)
      .output('/out/split.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac' });
    const { segmentation } = await runCommand(vol, cmd, { engine, segments: 'auto' });
    expect(segmentation).toEqual({
      segments: 2,
      mode: 'input-seek',
      cuts: [2],
      audio: 'first-segment',
      timings: expect.anything(),
    });
  });
});

/** SOURCE with `options` on its input, to H.264 and AAC at `path`. */
const fromSource = (options: InputOptions, path: string) =>
  new Command({ y: true }).input(SOURCE, options).output(path, { 'c:v': 'libx264', 'c:a': 'aac' });

describe('R-AF-17 commands that cannot be split run whole and say why', () => {
  it.each([
    [
      'an image sequence',
      transcode.mapOutputs(() => ({ path: '/out/frame-%03d.png', options: {} })),
      'image sequence',
    ],
    ['a stream copy', new Command({ y: true }).input(SOURCE).output('/out/copy.mp4', { c: 'copy' }), '-c'],
    [
      'the video copied (-c:v copy)',
      Command.parse(`-y -i ${SOURCE} -c:v copy -c:a aac /out/video-copy.mp4`),
      'the video is copied',
    ],
    // A format whose video encoder the split does not know FFmpeg's choice of (MPEG-PS, MPEG-1).
    [
      'no video encoder named, into a format the split does not know',
      Command.parse(`-y -i ${SOURCE} -c:a mp2 /out/program.mpg`),
      'FFmpeg chooses the video encoder for mpg',
    ],
    // Before: split input-seek, each segment writing (or reading) first-pass statistics of its own
    // length, and each segment given the whole size limit.
    [
      'a first pass (-pass 1)',
      Command.parse(
        `-y -i ${SOURCE} -c:v libx264 -b:v 200k -pass 1 -passlogfile /out/two -an /out/pass1.mp4`,
      ),
      'two-pass',
    ],
    [
      'a first pass through x264’s own options',
      Command.parse(
        `-y -i ${SOURCE} -c:v libx264 -b:v 200k -x264-params pass=1:stats=/out/x264.log -an /out/pass1b.mp4`,
      ),
      'two-pass',
    ],
    [
      'a size limit (-fs)',
      Command.parse(`-y -i ${SOURCE} -c:v libx264 -c:a aac -fs 100k /out/limited.mp4`),
      '-fs',
    ],
    ['the null muxer', Command.parse(`-y -i ${SOURCE} -c:v libx264 -an -f null /out/nothing`), 'null muxer'],
    // Before: split, and the playlist read back with other decoded audio than the whole run's.
    [
      'an HLS playlist (.m3u8)',
      Command.parse(`-y -i ${SOURCE} -c:v libx264 -c:a aac -hls_time 1 /out/list.m3u8`),
      'an HLS playlist and its parts',
    ],
    // Before: an output -ss 1 split, the copied audio 21 ms late and decoded otherwise.
    [
      'audio stream copy with an -ss',
      Command.parse(`-y -i ${SOURCE} -c:v libx264 -c:a copy -ss 1 /out/copied-seek.mp4`),
      'audio stream copy (-c:a copy) with an -ss',
    ],
    [
      // Split, the output's frames would sit off its frame times, as for an input -ss there.
      'an output that starts between two frames (-ss 0.02 at 25 fps)',
      Command.parse(`-y -i ${SOURCE} -c:v libx264 -c:a aac -ss 0.02 /out/seeks.mp4`),
      'between two of its frames',
    ],
    ['two outputs', transcode.output('/out/second.mkv', { 'c:v': 'libx264', 'c:a': 'aac' }), '2 outputs'],
    // Before: 170 frames for 120 (a 30 fps input forced to 25).
    ['an input rate (-r)', fromSource({ r: 30 }, '/out/input-rate.mp4'), "an input's -r"],
    // Before: every frame time right, pictures from the neighbouring frames (24 dB).
    [
      'an input that starts between two frames (-ss 0.02 at 25 fps)',
      fromSource({ ss: 0.02 }, '/out/off-grid.mp4'),
      'between two of its frames',
    ],
    // Before: cut over one pass of two, a frame short.
    ['a repeated input (-stream_loop)', fromSource({ stream_loop: 1 }, '/out/looped.mp4'), '-stream_loop'],
    // Before: the split's audio came out 0.98 s early.
    ['an input offset (-itsoffset)', fromSource({ itsoffset: 1 }, '/out/offset.mp4'), '-itsoffset'],
    // Before: a looped cover over 2.56 s of MP3 gave 4.24 s of video whole (x264's lookahead ran
    // on past the audio) and 4.32 s split.
    [
      '-shortest without an output -t',
      new Command({ y: true })
        .input('/in/card-0.png', { loop: 1 })
        .input(SOURCE)
        .output('/out/shortest.mp4', { map: ['0:v', '1:a'], shortest: true, 'c:v': 'libx264', 'c:a': 'aac' }),
      '-shortest',
    ],
    // Before: split, as a -t was given; but the sound ends first, and -shortest ends the output
    // there (10 s of video under a 16 s song, -t 12: the split's audio 27 ms shorter).
    [
      '-shortest with a -t past the shortest stream',
      new Command({ y: true })
        .input('/in/card-0.png', { loop: 1 })
        .input(SOURCE)
        .output('/out/shortest-t.mp4', {
          map: ['0:v', '1:a'],
          shortest: true,
          t: 30,
          'c:v': 'libx264',
          'c:a': 'aac',
        }),
      '-shortest ends the output before its -t',
    ],
    // Before: the splitter's probe read the list without -f concat and threw; given its length
    // (durationSeconds), the frame at the cut, where the second file starts 11 ms late, came out
    // wrong (20 dB).
    [
      'a concat list, which the probes cannot read for its frames',
      new Command({ y: true })
        .input('/in/list.txt', { f: 'concat', safe: 0 })
        .output('/out/listed.mp4', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' }),
      "could not be read for its frames' times",
    ],
  ])('%s', async (_name, cmd, reason) => {
    const result = await runCommand(vol, cmd, { engine, segments: 2 });
    expect(result.exitCode).toBe(0);
    expect(result.segmentation.segments).toBe(1);
    expect(result.segmentation.reason).toContain(reason);
  });

  // Before: the splitter's probe read the pattern without -pattern_type, and the job threw
  // ffprobe's MissingInputError (its argv, not the command's).
  it('a glob of images (-pattern_type glob), which the probes cannot read: runs whole, every frame', async () => {
    vol.mkdirSync('/in/glob', { recursive: true });
    await engine.run(vol, ['-y', '-i', SOURCE, '-t', '1', '-s', '160x120', '/in/glob/frame-%03d.png']);
    const cmd = Command.parse(
      '-y -pattern_type glob -framerate 25 -i /in/glob/*.png -c:v libx264 -preset ultrafast /out/globbed.mp4',
    );
    const result = await runCommand(vol, cmd, { engine, segments: 2 });
    expect(result.segmentation).toEqual({
      segments: 1,
      reason: expect.stringContaining("could not be read for its frames' times"),
    });
    expect(await frameTimes('/out/globbed.mp4')).toHaveLength(25);
  });

  it('an input that is not there: the command’s own MissingInputError, nothing written', async () => {
    const before = snapshot(vol);
    const cmd = Command.parse('-y -i /in/nowhere.mp4 -c:v libx264 -c:a aac /out/nowhere.mp4');
    const error = await runCommand(vol, cmd, { engine, segments: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingInputError);
    expect((error as MissingInputError).args).toEqual(cmd.toArgs());
    expect(snapshot(vol)).toEqual(before);
  });

  // Before: split. Where such a mix ends depends on the pace FFmpeg reads the clip at (checked
  // 2026-12-02 with a 44.1 kHz clip: 3 s of audio whole, natively too, and 4 s split).
  it('a mix of the clip’s own sound with a shorter song: runs whole and says why', async () => {
    await engine.run(vol, ['-y', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=3', '/in/song.mp3']);
    const cmd = new Command({ y: true })
      .input(SOURCE)
      .input('/in/song.mp3')
      .rawGraph('[0:a][1:a]amix=inputs=2[a]', ['a'])
      .output('/out/mixed.mp4', { map: ['0:v', 'a'], 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await expectRunsWhole(cmd, 'mixes audio of a file whose video is encoded too');
    expect((await streams('/out/mixed.mp4')).map((s) => s.type)).toEqual(['video', 'audio']);
  });

  // A song alone into an MP4, no encoder named: the split names FFmpeg's video encoder, and its
  // plan then finds no video (it had said the video's frames were unevenly spaced).
  it('a song into an MP4: runs whole and says there is no video, the sound as one run writes it', async () => {
    await engine.run(vol, ['-y', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=3', '/in/lone-song.mp3']);
    await expectRunsWhole(Command.parse('-y -i /in/lone-song.mp3 /out/lone-song.mp4'), 'no video');
    expect((await streams('/out/lone-song.mp4')).map((s) => `${s.type} ${s.codec}`)).toEqual(['audio aac']);
  });

  // Before: split, 1024 samples more than one run (the PCM each segment carries ran past its cut
  // by as much as the audio starts late). A logo that moves goes after the graph, unlabelled, with
  // the audio in the segments; one that stays seeks, the audio encoded once, and splits.
  it('audio starting after the video, carried in the segments: runs whole and says why', async () => {
    const source = '/in/late-audio.mp4';
    if (!vol.existsSync(source))
      await engine.run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250'],
        ...['-af', 'asetpts=PTS+0.5/TB', '-c:a', 'aac', source],
      ]);
    const overlaid = (graph: string) => (path: string) =>
      new Command({ y: true })
        .input(source)
        .input('/in/card-0.png')
        .rawGraph(graph, [])
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await expectRunsWhole(
      overlaid('overlay=x=t*20:y=10')('/out/late-overlay.mp4'),
      "an input's audio starts after the file does",
    );
    expect((await streams('/out/late-overlay.mp4')).map((s) => s.type)).toEqual(['video', 'audio']);
    await expectCommandSplitLikeWhole(overlaid('overlay=10:10'), 'late-still-overlay', 'input-seek');
    const [split, whole] = ['/out/late-still-overlay-split.mp4', '/out/late-still-overlay-whole.mp4'];
    expect(await audioMd5(split)).toBe(await audioMd5(whole));
  });

  it('audio stream copy from Matroska into MP4: runs whole and says why', async () => {
    // One run steps the copied AAC's times by FFmpeg's rounding in Matroska's milliseconds, the
    // split's join by the sample rate (checked: 1008/1056 against 1024); from MP4 it splits.
    await engine.run(vol, ['-y', '-i', SOURCE, '-c', 'copy', '/in/copy.mkv']);
    const copying = (source: string, path: string) =>
      new Command({ y: true })
        .input(source)
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'copy' });
    const result = await runCommand(vol, copying('/in/copy.mkv', '/out/copied.mp4'), { engine, segments: 2 });
    expect(result.segmentation).toEqual({
      segments: 1,
      reason: expect.stringContaining('-c:a copy) from Matroska into another container'),
    });
    const fromMp4 = await runCommand(vol, copying(SOURCE, '/out/copied-mp4.mp4'), { engine, segments: 2 });
    expect(fromMp4.segmentation.segments).toBe(2);
    expect(await audioMd5('/out/copied-mp4.mp4')).toBe(await audioMd5(SOURCE));
  });

  it('-map 0 -map 1 over a lavfi pattern and tone: splits (neither is probed; each is counted from its graph)', async () => {
    // Before the counts came from the graphs, these unprobed inputs were taken as possibly
    // holding attachments or a second video stream, and the command ran whole.
    const cmd = (path: string) =>
      Command.parse([
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
        ...['-map', '0', '-map', '1', '-vf', 'fade=in:0:10', ...LOSSLESS, path],
      ]);
    await runCommand(vol, cmd('/out/lavfi-map-whole.mp4'), { engine });
    const result = await runCommand(vol, cmd('/out/lavfi-map-split.mp4'), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'output-seek' });
    expect(await videoMd5('/out/lavfi-map-split.mp4')).toBe(await videoMd5('/out/lavfi-map-whole.mp4'));
    expect(await audioMd5('/out/lavfi-map-split.mp4')).toBe(await audioMd5('/out/lavfi-map-whole.mp4'));
  });

  it('-map 0 over an MP4 with cover art: runs whole and says why, both video streams as one run writes them', async () => {
    // FFmpeg reads an MP4's cover picture as a second video stream: `-map 0` took it into every
    // segment, whose QuickTime file refused it (exit 1), where one run into Matroska writes it.
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-i', '/in/card-0.png', '-map', '0', '-map', '1', '-c', 'copy'],
      ...['-disposition:v:1', 'attached_pic', '/in/covered.mp4'],
    ]);
    const cmd = (map: string[], path: string) =>
      Command.parse(['-y', '-i', '/in/covered.mp4', ...map, '-c:v', 'libx264', '-preset', 'ultrafast', path]);
    for (const [map, kinds] of [
      [['-map', '0'], 'video\naudio\nvideo'],
      [['-map', '0:v', '-map', '0:a'], 'video\nvideo\naudio'],
    ] as const) {
      await expectRunsWhole(cmd([...map], '/out/covered.mkv'), 'more than one video stream');
      expect(await shown('/out/covered.mkv', 'stream=codec_type')).toBe(kinds);
    }
    // Leaving the picture out (`0:V`) splits.
    const result = await runCommand(vol, cmd(['-map', '0:V', '-map', '0:a'], '/out/uncovered.mkv'), {
      engine,
      segments: 2,
    });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
  });

  it('a graph that drops frames (select): runs whole and says why', async () => {
    const cmd = Command.parse([
      ...['-y', '-i', SOURCE, '-vf', "select='not(between(n,30,44))'"],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-an', '/out/selected.mkv'],
    ]);
    await expectRunsWhole(cmd, '(select)');
  });

  it('an input with subtitles the output would carry, under a -t or a map by index: runs whole', async () => {
    await subtitledSources();
    const kinds = async (path: string) =>
      (await engine.probe(vol, path)).streams.map((s) => s.codecType).join(',');
    // The join reads the input whole: a -t would need the subtitles cut as one run cuts them.
    const trimmed = new Command({ y: true })
      .input('/in/subbed.mp4')
      .output('/out/subbed-t.mkv', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac', t: 3 });
    await expectRunsWhole(trimmed, 'not under an -ss');
    expect(await kinds('/out/subbed-t.mkv')).toBe('video,audio,subtitle');
    // A map that may name them by index (`0:2`), into any container (subtitle entries after the
    // video and audio, and -map 0 over them, split: see below).
    const mapped = new Command({ y: true }).input('/in/subbed.mp4').output('/out/mapped.mp4', {
      'c:v': 'libx264',
      preset: 'ultrafast',
      'c:a': 'aac',
      map: ['0:v', '0:a', '0:2'],
      'c:s': 'mov_text',
    });
    await expectRunsWhole(mapped, 'subtitles');
    expect(await kinds('/out/mapped.mp4')).toBe('video,audio,subtitle');
  });
});

/** An MP4 source with a mov_text track and a Matroska one with SubRip, cues across the cut. */
async function subtitledSources() {
  if (vol.existsSync('/in/subbed.mkv')) return;
  vol.writeFileSync(
    '/in/subs.srt',
    '1\n00:00:00,500 --> 00:00:01,500\nhello\n\n2\n00:00:01,800 --> 00:00:02,400\nacross the cut\n\n3\n00:00:03,000 --> 00:00:03,500\nbye\n',
  );
  for (const [path, codec] of [
    ['/in/subbed.mp4', 'mov_text'],
    ['/in/subbed.mkv', 'srt'],
  ] as const)
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-i', '/in/subs.srt', '-map', '0', '-map', '1'],
      ...['-c', 'copy', '-c:s', codec, '-metadata:s:s:0', 'language=fra', path],
    ]);
  // Two tracks, neither default.
  vol.writeFileSync(
    '/in/subs2.srt',
    '1\n00:00:01,000 --> 00:00:03,000\nzwei\n\n2\n00:00:03,200 --> 00:00:03,900\ndrei\n',
  );
  await engine.run(vol, [
    ...[
      '-y',
      '-i',
      SOURCE,
      '-i',
      '/in/subs.srt',
      '-i',
      '/in/subs2.srt',
      '-map',
      '0',
      '-map',
      '1',
      '-map',
      '2',
    ],
    ...['-c', 'copy', '-c:s', 'srt', '-metadata:s:s:0', 'language=fra', '-metadata:s:s:1', 'language=deu'],
    ...['-disposition:s:0', '0', '-disposition:s:1', '0', '/in/subbed2.mkv'],
  ]);
}

describe('R-AF-17 an input -ss over a Matroska file’s millisecond frame times', () => {
  // Matroska keeps frame times in milliseconds (here 33 and 34 ms steps from a first frame late
  // by AAC's priming): before 2026-12-03 an input -ss over them ran whole. The cuts count
  // FFmpeg's frames from the first the seek keeps, as for a rate change, and the first segment's
  // audio input reads the video too, for Matroska to seek its audio as one run does (without,
  // the AAC's first decoded frames differed).
  it.each([
    ['on a frame, into MP4', '1', undefined, 'mp4'],
    ['between two frames, into MP4, with a -t', '1.31', '2', 'mp4'],
    ['into Matroska', '1.3', undefined, 'mkv'],
    ['into Matroska, with a -t', '0.5', '2.5', 'mkv'],
  ] as const)('%s: split, every frame and the audio as one run', async (_name, ss, t, into) => {
    const source = '/in/milliseconds.mkv';
    if (!vol.existsSync(source)) {
      await engine.run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=5'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=5'],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-c:a', 'aac', '-shortest', '/in/milliseconds.mp4'],
      ]);
      await engine.run(vol, ['-y', '-i', '/in/milliseconds.mp4', '-c', 'copy', source]);
    }
    const cmd = (path: string) =>
      Command.parse(['-y', '-ss', ss, '-i', source, ...(t ? ['-t', t] : []), ...LOSSLESS, path]);
    const { whole, split } = await splitBesideWhole(cmd, 'ms-seek', into, 'input-seek');
    expect(await frameTimes(split)).toEqual(await frameTimes(whole));
    expect(await videoMd5(split)).toBe(await videoMd5(whole));
    expect(await audioMd5(split)).toBe(await audioMd5(whole));
    const starts = async (path: string) => (await streams(path)).map((s) => `${s.type} ${s.startTime}`);
    expect(await starts(split)).toEqual(await starts(whole));
  });
});

describe('R-AF-17 the sound of another file, beside the video of the first (-map 0:v -map 1:a)', () => {
  // The "replace the audio" command. Before 2026-12-03 it split after the graph, every segment
  // decoding from the start (a Matroska video's millisecond times ran whole), its -c:a copy ran
  // whole ("splits only where the input is seeked"), and into Matroska the split's video lost its
  // default flag and took the scratch file's VENDOR_ID, its audio the scratch file's handler name.
  // Now it seeks input 0; under a fade (by frame count) it still splits after the graph.
  const sound = async (path: string, making: readonly string[]) => {
    if (vol.existsSync(path)) return;
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=44100:duration=5'],
      ...[...making, '-metadata:s:a:0', 'handler_name=Narration', path],
    ]);
  };
  /** `video`'s video with `sound`'s audio, encoded losslessly, the audio by `audio`. */
  const replaced =
    (sound: string, audio: readonly string[], more: readonly string[] = [], video = SOURCE) =>
    (path: string) =>
      Command.parse([
        ...['-y', '-i', video, '-i', sound, '-map', '0:v', '-map', '1:a', ...more],
        ...[...LOSSLESS, ...audio, path],
      ]);
  const FADE = ['-vf', 'fade=in:0:25'];
  const M4A = ['/in/narration.m4a', ['-c:a', 'aac']] as const;
  const MP3 = ['/in/narration.mp3', ['-c:a', 'libmp3lame']] as const;
  it.each([
    ['M4A copied into MP4', ...M4A, ['-c:a', 'copy'], 'mp4', [], 'input-seek'],
    ['M4A copied into QuickTime', ...M4A, ['-c:a', 'copy'], 'mov', [], 'input-seek'],
    ['M4A copied into Matroska', ...M4A, ['-c:a', 'copy'], 'mkv', [], 'input-seek'],
    ['MP3 encoded into Matroska', ...MP3, ['-c:a', 'aac'], 'mkv', [], 'input-seek'],
    // The scratch file is of the sound's own kind: an MP4 one refused the PCM (exit 1).
    [
      'PCM of a QuickTime file copied into QuickTime',
      '/in/narration.mov',
      ['-c:a', 'pcm_s16le'],
      ['-c:a', 'copy'],
      'mov',
      [],
      'input-seek',
    ],
    ['M4A copied into MP4 under a fade', ...M4A, ['-c:a', 'copy'], 'mp4', FADE, 'output-seek'],
    ['M4A copied into Matroska under a fade', ...M4A, ['-c:a', 'copy'], 'mkv', FADE, 'output-seek'],
    ['MP3 encoded into Matroska under a fade', ...MP3, ['-c:a', 'aac'], 'mkv', FADE, 'output-seek'],
    // Copied from a file a scratch file would place unlike one run (an MP3's priming moved; a
    // WAV's PCM refused by MP4), the join copies the sound from the file itself: these ran whole.
    ['MP3 copied into MP4', ...MP3, ['-c:a', 'copy'], 'mp4', [], 'input-seek'],
    ['MP3 copied into Matroska', ...MP3, ['-c:a', 'copy'], 'mkv', [], 'input-seek'],
    [
      'PCM of a WAV file copied into Matroska',
      '/in/narration.wav',
      ['-c:a', 'pcm_s16le'],
      ['-c:a', 'copy'],
      'mkv',
      [],
      'input-seek',
    ],
    // Matroska's millisecond times, copied into MP4: the video's own audio rounds otherwise in
    // a join (`copiedAudioHazard`); another file's sound does not.
    [
      'AAC of a Matroska file copied into MP4',
      '/in/narration.mka',
      ['-c:a', 'aac'],
      ['-c:a', 'copy'],
      'mp4',
      [],
      'input-seek',
    ],
    [
      'Opus of an Ogg file copied into Matroska',
      '/in/narration.opus',
      ['-c:a', 'libopus'],
      ['-c:a', 'copy'],
      'mkv',
      [],
      'input-seek',
    ],
  ] as const)(
    '%s: split, every audio packet, tag and disposition as one run’s',
    async (name, source, making, audio, into, more, mode) => {
      await sound(source, making);
      const cmd = replaced(source, audio, more);
      const tag = name.replaceAll(' ', '-');
      const { whole, split } = await splitBesideWhole(cmd, `sound-${tag}`, into, mode);
      expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
      expect((await packetsOf(split, 'a')).split('\n').length).toBeGreaterThan(100);
      expect(await describedStreams(split)).toBe(await describedStreams(whole));
      if (into === 'mkv' && source.endsWith('.m4a'))
        expect(await describedStreams(split)).toMatch(/audio.*tag:HANDLER_NAME=Narration/);
      expect(await frameTimes(split)).toEqual(await frameTimes(whole));
      expect(await videoMd5(split)).toBe(await videoMd5(whole));
    },
  );

  it.each([
    // The segments would carry the audio as PCM for the join to encode (-shortest).
    [
      'under -shortest',
      ['-map', '0:v', '-map', '1:a', '-shortest', '-t', '2'],
      'carries the audio in its segments',
    ],
    // A split copies one input's audio into its scratch file.
    ['from two inputs', ['-map', '0:v', '-map', '0:a', '-map', '1:a'], 'more than one input'],
  ] as const)('an M4A copied %s runs whole and says why', async (_name, map, reason) => {
    await sound('/in/narration.m4a', ['-c:a', 'aac']);
    await expectRunsWhole(
      Command.parse([
        ...['-y', '-i', SOURCE, '-i', '/in/narration.m4a', ...map],
        ...['-c:v', 'libx264', '-c:a', 'copy', '/out/sound-copied-whole.mp4'],
      ]),
      reason,
    );
  });

  // Trimmed, the copied packets would pass through the scratch file (the join copies the file
  // itself only where nothing trims it).
  it.each([
    ['an output -t', '-t 3'],
    ['an -ss on the sound', '-ss 1'],
  ])('an MP3 copied under %s runs whole and says why', async (_name, trim) => {
    await sound('/in/narration.mp3', ['-c:a', 'libmp3lame']);
    const [before, after] = trim.startsWith('-ss') ? [trim, ''] : ['', trim];
    await expectRunsWhole(
      Command.parse(
        `-y -i ${SOURCE} ${before} -i /in/narration.mp3 -map 0:v -map 1:a -c:v libx264 -c:a copy ${after} /out/sound-copied.mp4`,
      ),
      'not MP4 or QuickTime',
    );
  });

  it('an MP4’s own sound copied under a fade: split after the graph, every audio packet as one run’s', async () => {
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', SOURCE, '-vf', 'fade=in:0:25', ...LOSSLESS, '-c:a', 'copy', path]);
    const { whole, split } = await splitBesideWhole(cmd, 'faded-copy', 'mp4', 'output-seek');
    expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
    expect(await videoMd5(split)).toBe(await videoMd5(whole));
  });

  it('a Matroska video’s millisecond frame times, with an M4A’s sound: split seeking, as one run', async () => {
    // After the graph its frames, off the 30 fps grid, sent the command whole. Its own sound is
    // stereo, which FFmpeg's own pick would prefer to the mono M4A's were it read again.
    if (!vol.existsSync('/in/ms-video.mkv'))
      await engine.run(vol, [
        ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=3'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=48000:duration=3'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-ac', '2', '/in/ms-video.mkv'],
      ]);
    await sound(...M4A);
    const cmd = replaced(M4A[0], ['-c:a', 'copy'], [], '/in/ms-video.mkv');
    const { whole, split } = await splitBesideWhole(cmd, 'ms-video-sound', 'mkv', 'input-seek');
    expect(await frameTimes(split)).toEqual(await frameTimes(whole));
    expect(await videoMd5(split)).toBe(await videoMd5(whole));
    expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
    expect(await describedStreams(split)).toBe(await describedStreams(whole));
  });

  const SCALED = ['-filter_complex', '[0:v]scale=160:-2[v]'];
  it.each([
    // A complex graph that is a -vf of input 0's video in all but name went after the graph (every
    // segment decoding and scaling from the start), and counted the sound's 5 s in the video's
    // span (the cut at 2.44 s over 4 s of video).
    [
      'a -vf in all but name (-filter_complex, its label mapped) into MP4',
      [...SCALED, '-map', '[v]', '-map', '1:a'],
      'mp4',
    ],
    // Mapped first, the sound came out second (split into MP4 and Matroska, 2026-12-03).
    ['the same, the sound mapped first, into Matroska', [...SCALED, '-map', '1:a', '-map', '[v]'], 'mkv'],
    ['the sound mapped first (-map 1:a -map 0:v) into MP4', ['-map', '1:a', '-map', '0:v'], 'mp4'],
    ['the sound mapped first into Matroska', ['-map', '1:a', '-map', '0:v'], 'mkv'],
  ] as const)(
    '%s: split seeking, at the -vf’s cut, streams in one run’s order and packets',
    async (name, map, into) => {
      await sound(...M4A);
      const cmd = (path: string) =>
        Command.parse(['-y', '-i', SOURCE, '-i', M4A[0], ...map, ...LOSSLESS, '-c:a', 'copy', path]);
      const tag = name.replace(/\W+/g, '-');
      const { whole, split, result } = await splitBesideWhole(cmd, `sound-${tag}`, into, 'input-seek');
      expect(await describedStreams(split)).toBe(await describedStreams(whole));
      expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
      expect(await frameTimes(split)).toEqual(await frameTimes(whole));
      expect(await videoMd5(split)).toBe(await videoMd5(whole));
      const filtered = await runCommand(
        vol,
        replaced(M4A[0], ['-c:a', 'copy'], ['-vf', 'scale=160:-2'])(`/out/sound-${tag}-vf.${into}`),
        { engine, segments: 2 },
      );
      expect(result.segmentation.cuts).toEqual(filtered.segmentation.cuts);
    },
  );

  it('a file whose own video is uneven, taken for its sound alone under a fade: splits', async () => {
    // Before, its unused video's frame times sent the command whole.
    await uneven('/in/uneven-sound.mp4', PHONE_JITTER);
    const cmd = replaced('/in/uneven-sound.mp4', ['-c:a', 'aac'], FADE);
    const { whole, split } = await splitBesideWhole(cmd, 'uneven-sound', 'mkv', 'output-seek');
    expect(await audioMd5(split)).toBe(await audioMd5(whole));
    expect(await videoMd5(split)).toBe(await videoMd5(whole));
  });
});

describe('R-AF-17 audio copied from Matroska', () => {
  // Before 2026-12-03 every -c:a copy from Matroska ran whole: the copied audio rode in a
  // QuickTime scratch file, which moved AAC's first samples. Into Matroska it rides in a Matroska
  // one, which keeps each packet as one run copies it.
  it.each([
    ['AAC', ['-c:a', 'copy']],
    ['MP3', ['-c:a', 'libmp3lame']],
    ['FLAC', ['-c:a', 'flac']],
    // Read back from the scratch file its codec delay early: the join moves it by the file's start.
    ['Opus', ['-c:a', 'libopus']],
  ] as const)(
    '%s copied from Matroska into Matroska: split, every audio packet as one run copies it',
    async (name, making) => {
      const source = `/in/copied-${name}.mkv`;
      await engine.run(vol, [
        '-y',
        '-i',
        SOURCE,
        '-c:v',
        'copy',
        ...making,
        '-metadata:s:a:0',
        'title=Voice',
        source,
      ]);
      const cmd = (path: string) => Command.parse(['-y', '-i', source, ...LOSSLESS, '-c:a', 'copy', path]);
      const { whole, split } = await splitBesideWhole(cmd, `copied-${name}`, 'mkv', 'input-seek');
      expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
      expect((await packetsOf(split, 'a')).split('\n').length).toBeGreaterThan(40);
      // Tags and dispositions too: the copied track keeps its source's encoder tag, as one run's.
      expect(await describedStreams(split)).toBe(await describedStreams(whole));
      expect(await describedStreams(split)).toMatch(
        name === 'AAC'
          ? /audio.*tag:title=Voice/
          : /audio.*tag:title=Voice.*tag:ENCODER=Lavc\S* (libmp3lame|flac|libopus)/,
      );
      expect(await videoMd5(split)).toBe(await videoMd5(whole));
    },
  );

  it('Opus beside other audio copied from Matroska: runs whole and says why', async () => {
    // The file's start is then not the Opus track's codec delay, which the join would undo.
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-map', '0:v', '-map', '0:a', '-map', '0:a', '-c:v', 'copy'],
      ...['-c:a:0', 'libopus', '-c:a:1', 'aac', '/in/copied-mixed.mkv'],
    ]);
    const cmd = Command.parse([
      ...['-y', '-i', '/in/copied-mixed.mkv', '-map', '0:v', '-map', '0:a'],
      ...[...LOSSLESS, '-c:a', 'copy', '/out/copied-mixed.mkv'],
    ]);
    const result = await runCommand(vol, cmd, { engine, segments: 2 });
    expect(result.segmentation).toEqual({
      segments: 1,
      reason: expect.stringContaining('Opus, whose codec delay'),
    });
    expect(await shown('/out/copied-mixed.mkv', 'stream=codec_name')).toBe('h264\nopus\naac');
  });
});

describe('R-AF-17 subtitles the output carries, taken by the join from the input', () => {
  // One run carries an input's subtitles where FFmpeg's own choice picks them (text ones into
  // Matroska, any under a -c:s); the join maps them from the input itself (before 2026-12-03 such
  // a command ran whole, and under a -c:s into MP4 the split dropped them). Each row against the
  // same command run whole: the streams, their tags and dispositions, the subtitle packets (times,
  // lengths, bytes) and every decoded frame (lossless).
  const packets = (path: string) => packetsOf(path, 's');
  /** Each stream's kind, disposition and tags. */
  const described = async (path: string) =>
    (await shown(path, 'stream=codec_type,codec_name:stream_disposition:stream_tags', 'compact')).split('\n');
  it.each([
    ['an MP4 source’s mov_text into Matroska (ASS, unasked)', '/in/subbed.mp4', 'mkv', {}, 'ass'],
    // Encoded, the subtitle's ENCODER tag is this run's, not the source's (SubRip's).
    ['a Matroska source’s SubRip into Matroska (ASS, unasked)', '/in/subbed.mkv', 'mkv', {}, 'ass'],
    [
      'a Matroska source’s SubRip into Matroska, copied',
      '/in/subbed.mkv',
      'mkv',
      { 'c:s': 'copy' },
      'subrip',
    ],
    [
      'a Matroska source’s SubRip into MP4 under -c:s mov_text',
      '/in/subbed.mkv',
      'mp4',
      { 'c:s': 'mov_text' },
      'mov_text',
    ],
    ['the MP4 source’s into Matroska through a graph (output-seek)', '/in/subbed.mp4', 'mkv', {}, 'ass'],
    // Named by a map after the video and audio: each, in the map's order. Neither of the two
    // tracks is default, so one run marks the first so.
    [
      'two SubRip tracks named by -map 0:s, copied into Matroska',
      '/in/subbed2.mkv',
      'mkv',
      { map: ['0:v', '0:a', '0:s'], 'c:s': 'copy' },
      'subrip,subrip',
    ],
    [
      'the second of them by -map 0:s:1 into MP4 (mov_text)',
      '/in/subbed2.mkv',
      'mp4',
      { map: ['0:v', '0:a', '0:s:1'], 'c:s': 'mov_text' },
      'mov_text',
    ],
  ] as const)('%s: split, the subtitles as one run writes them', async (name, source, ext, extra, codecs) => {
    await subtitledSources();
    const graph = name.includes('graph');
    const cmd = (path: string) => {
      const base = new Command({ y: true }).input(source);
      // A fade by frame count: not frame-local, every segment runs the graph from the start.
      return (graph ? base.filter('fade', { t: 'in', s: 0, n: 25 }) : base).output(path, {
        'c:v': 'libx264',
        preset: 'ultrafast',
        privateOptions: { qp: 0 },
        'c:a': 'aac',
        ...extra,
      });
    };
    const { whole, split } = await splitBesideWhole(cmd, 'subs', ext, graph ? 'output-seek' : 'input-seek');
    const sub = await shown(split, 'stream=codec_type,codec_name');
    expect(sub).toBe(
      ['h264,video', 'aac,audio', ...codecs.split(',').map((c) => `${c},subtitle`)].join('\n'),
    );
    expect(await packets(split)).toBe(await packets(whole));
    expect((await packets(split)).split('\n').length).toBeGreaterThanOrEqual(2 * codecs.split(',').length);
    expect(await described(split)).toEqual(await described(whole));
    expect(await videoMd5(split)).toBe(await videoMd5(whole));
  });

  it('-map 0 over video, audio and two subtitle tracks, into Matroska: split seeking, as one run', async () => {
    // -map 0 names the input's streams in its order; where that is video, audio, subtitles, the
    // split follows it by kind (before 2026-12-03: output-seek, and the subtitles ran it whole).
    await subtitledSources();
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', '/in/subbed2.mkv', '-map', '0', ...LOSSLESS, '-c:s', 'copy', path]);
    await runCommand(vol, cmd('/out/map0-whole.mkv'), { engine });
    const result = await runCommand(vol, cmd('/out/map0-split.mkv'), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
    expect(await shown('/out/map0-split.mkv', 'stream=codec_type')).toBe('video\naudio\nsubtitle\nsubtitle');
    expect(await packets('/out/map0-split.mkv')).toBe(await packets('/out/map0-whole.mkv'));
    expect(await described('/out/map0-split.mkv')).toEqual(await described('/out/map0-whole.mkv'));
    expect(await videoMd5('/out/map0-split.mkv')).toBe(await videoMd5('/out/map0-whole.mkv'));
    expect(await audioMd5('/out/map0-split.mkv')).toBe(await audioMd5('/out/map0-whole.mkv'));
  });

  it('-map 0 over a Matroska file with fonts attached: split seeking, the fonts carried by the join', async () => {
    // Before 2026-12-03 such a map went after the graph, and the segments' QuickTime files refused
    // the attachment (exit 1) where one run writes it; now the join takes them from the input.
    await subtitledSources();
    vol.writeFileSync('/in/font.woff', testFontBytes());
    await engine.run(vol, [
      ...['-y', '-i', '/in/subbed2.mkv', '-map', '0', '-c', 'copy', '-attach', '/in/font.woff'],
      ...['-metadata:s:t:0', 'mimetype=font/woff', '/in/fonted.mkv'],
    ]);
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', '/in/fonted.mkv', '-map', '0', ...LOSSLESS, '-c:s', 'copy', path]);
    await runCommand(vol, cmd('/out/fonted-whole.mkv'), { engine });
    const result = await runCommand(vol, cmd('/out/fonted-split.mkv'), { engine, segments: 2 });
    expect(result.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
    expect(await shown('/out/fonted-split.mkv', 'stream=codec_type')).toBe(
      'video\naudio\nsubtitle\nsubtitle\nattachment',
    );
    expect(await described('/out/fonted-split.mkv')).toEqual(await described('/out/fonted-whole.mkv'));
    // FFmpeg dumps the attachment as it opens the input, then exits 1 for want of an output.
    await expect(
      engine.run(vol, ['-y', '-dump_attachment:t:0', '/out/font-split.woff', '-i', '/out/fonted-split.mkv']),
    ).rejects.toThrow(FFmpegExitError);
    expect(vol.readFileSync('/out/font-split.woff')).toEqual(Buffer.from(testFontBytes()));
    expect(await packets('/out/fonted-split.mkv')).toBe(await packets('/out/fonted-whole.mkv'));
    expect(await videoMd5('/out/fonted-split.mkv')).toBe(await videoMd5('/out/fonted-whole.mkv'));
    // After the graph the fonts cannot reach the join: the command runs whole, as written (a
    // source whose frames sit on its rate's grid, FLAC leaving the video at 0).
    await engine.run(vol, [
      ...['-y', '-i', SOURCE, '-c:v', 'copy', '-c:a', 'flac', '-attach', '/in/font.woff'],
      ...['-metadata:s:t:0', 'mimetype=font/woff', '/in/fonted-flac.mkv'],
    ]);
    const faded = Command.parse([
      ...['-y', '-i', '/in/fonted-flac.mkv', '-map', '0', '-vf', 'fade=in:0:10', ...LOSSLESS],
      '/out/fonted-faded.mkv',
    ]);
    await expectRunsWhole(faded, "the map takes an input's attachments");
    expect(await shown('/out/fonted-faded.mkv', 'stream=codec_type')).toContain('attachment');
    // MP4 holds no attachment: the command runs whole, and fails with FFmpeg's own words on it.
    const intoMp4 = Command.parse([
      ...['-y', '-i', '/in/fonted.mkv', '-map', '0:v', '-map', '0:a', '-map', '0:t', ...LOSSLESS],
      '/out/fonted.mp4',
    ]);
    const failed = await runCommand(vol, intoMp4, { engine, segments: 2 }).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(FFmpegExitError);
    expect((failed as FFmpegExitError).args).not.toContain('concat');
    expect((failed as FFmpegExitError).stderrTail).toContain('Could not find tag for codec');
    // Nor does a map naming one attachment by index, planned after the graph.
    const byIndex = Command.parse([
      ...['-y', '-i', '/in/fonted-flac.mkv', '-map', '0:v', '-map', '0:a', '-map', '0:t:0', ...LOSSLESS],
      '/out/fonted-by-index.mkv',
    ]);
    await expectRunsWhole(byIndex, "the map takes an input's attachments");
    expect(await shown('/out/fonted-by-index.mkv', 'stream=codec_type')).toBe('video\naudio\nattachment');
  });

  it('two audio tracks into Matroska: each keeps its source track’s tags, encoder and disposition', async () => {
    // Before 2026-12-03 the join mapped the tags of one audio stream at most: two tracks came out
    // with none (their language, handler, encoder lost), as the video's mapped tags stop FFmpeg
    // copying any stream's.
    if (!vol.existsSync('/in/two-audio.mp4'))
      await engine.run(vol, [
        ...['-y', '-i', SOURCE, '-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=48000:duration=4'],
        ...['-map', '0', '-map', '1', '-c:v', 'copy', '-c:a', 'aac', '-metadata:s:a:0', 'language=eng'],
        ...['-metadata:s:a:1', 'language=deu', '/in/two-audio.mp4'],
      ]);
    for (const [name, map] of [
      ['both', ['0:v', '0:a']],
      ['the second', ['0:v', '0:a:1']],
      // FFmpeg's own choice: the most channels, a default one first (here the first, enabled)
      ['one by FFmpeg’s choice', undefined],
    ] as const) {
      const cmd = (path: string) =>
        new Command({ y: true }).input('/in/two-audio.mp4').output(path, {
          'c:v': 'libx264',
          preset: 'ultrafast',
          'c:a': 'aac',
          ...(map && { map: [...map] }),
        });
      const { whole, split } = await splitBesideWhole(cmd, `two-audio-${name}`, 'mkv', 'input-seek');
      const tracks = await described(split);
      expect(tracks.filter((line) => line.includes('codec_type=audio'))).toHaveLength(
        map?.[1] === '0:a' ? 2 : 1,
      );
      expect(tracks.join('\n')).toContain('tag:ENCODER=Lavc');
      expect(tracks.join('\n')).toContain(map ? 'tag:language=deu' : 'tag:language=eng');
      expect(tracks).toEqual(await described(whole));
    }
  });

  it('into Matroska, each stream keeps its input’s disposition, as one run’s (the video default)', async () => {
    await subtitledSources();
    const cmd = (path: string) =>
      new Command({ y: true })
        .input('/in/subbed.mkv')
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac', sn: true });
    await runCommand(vol, cmd('/out/disp-whole.mkv'), { engine });
    const result = await runCommand(vol, cmd('/out/disp-split.mkv'), { engine, segments: 2 });
    expect(result.segmentation.segments).toBe(2);
    const dispositions = (path: string) => shown(path, 'stream=codec_type:stream_disposition=default,forced');
    expect(await dispositions('/out/disp-split.mkv')).toBe('video,1,0\naudio,1,0');
    expect(await dispositions('/out/disp-split.mkv')).toBe(await dispositions('/out/disp-whole.mkv'));
  });

  it('-sn, or into MP4 without a -c:s (whose muxer takes none on its own): split, no subtitles', async () => {
    await subtitledSources();
    for (const [path, extra] of [
      ['/out/subbed-sn.mkv', { sn: true }],
      ['/out/subbed-plain.mp4', {}],
    ] as const) {
      const cmd = new Command({ y: true })
        .input('/in/subbed.mkv')
        .output(path, { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac', ...extra });
      const split = await runCommand(vol, cmd, { engine, segments: 2 });
      expect(split.segmentation.segments).toBe(2);
      expect(await shown(path, 'stream=codec_type')).toBe('video\naudio');
    }
  });
});

describe('R-AF-17 an output -r the encoder gets anyway', () => {
  // The rate the encoder gets anyway changes nothing a segment does: it seeks (before: output-seek,
  // and a phone's uneven frames under `-r 30`, the usual way to make them constant, ran whole).
  it.each([
    ['the source’s own rate', SOURCE, '25', undefined],
    ['a phone’s rate over its uneven frames', '/in/jitter.mp4', '30', undefined],
    ['the fps filter’s rate', SOURCE, '24', 'fps=24'],
  ])('an output -r at %s: split seeking, every frame the whole run’s', async (name, source, r, vf) => {
    if (source === '/in/jitter.mp4') await uneven(source, PHONE_JITTER);
    const out = `same-rate-${name.replace(/\W+/g, '-')}`;
    const graph = vf === undefined ? [] : ['-vf', vf];
    const cmd = (path: string) => Command.parse(['-y', '-i', source, ...graph, '-r', r, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, out, 'input-seek');
    expect(await videoMd5(`/out/${out}-split.mp4`)).toBe(await videoMd5(`/out/${out}-whole.mp4`));
  });
});

describe('R-AF-17 an output -r that changes the rate', () => {
  // FFmpeg 5.1 fills the output's frame times with a running count that lags the frames (25 fps
  // into 24 drops a frame only once one falls 1.1 frame times behind). Before: every such -r ran
  // whole. Each segment's frames now get the whole run's times less its cut's after its chain, so
  // they meet the count as in one run: split seeking, at 2 and 3 segments, every frame the whole
  // run's, bit for bit.
  it.each([
    ['up, 25 into 30 fps, through a scale', SOURCE, ['-vf', 'scale=320:240'], '30'],
    ['down, 25 into 24 fps, through a scale', SOURCE, ['-vf', 'scale=320:240'], '24'],
    ['up, 25 into 50 fps, through a scale', SOURCE, ['-vf', 'scale=320:240'], '50'],
    // Decisions exactly on a threshold, taken with FFmpeg's own arithmetic (`encoder-clock.ts`):
    // before, refused as too close to call.
    ['25 into 30000/1001 fps, through a scale', SOURCE, ['-vf', 'scale=320:240'], '30000/1001'],
    ['25 into 30000/1001 fps, no filter', SOURCE, [], '30000/1001'],
    // Each packet half a frame time long: lrintf rounds it to even, 0, and FFmpeg takes the
    // graph's frame time instead.
    ['25 into 12.5 fps, no filter', SOURCE, [], '12.5'],
    ['25 into 20 fps under a filter reading the time', SOURCE, ['-vf', 'hue=h=2*PI*t'], '20'],
    // No filter: FFmpeg takes each frame's length from its packet, rounded, where that is above 0.
    ['25 into 10 fps, no filter', SOURCE, [], '10'],
    ['25 into 30 fps, no filter', SOURCE, [], '30'],
    ['a phone’s uneven 30 fps into 25, through a scale', '/in/jitter.mp4', ['-vf', 'scale=320:240'], '25'],
    // The output's -t: the last segment writes the rest of the whole run's frames (-frames:v).
    ['-t 2.5, 25 into 24 fps through a scale', SOURCE, ['-vf', 'scale=320:240', '-t', '2.5'], '24'],
    ['-to 3, 25 into 30000/1001 fps, no filter', SOURCE, ['-to', '3'], '30000/1001'],
  ])('%s: split seeking, every frame the whole run’s', async (name, source, graph, r) => {
    if (source === '/in/jitter.mp4') await uneven(source, PHONE_JITTER);
    const out = `rate-change-${name.replace(/\W+/g, '-')}`;
    const cmd = (path: string) => Command.parse(['-y', '-i', source, ...graph, '-r', r, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, out, 'input-seek');
    expect(await videoMd5(`/out/${out}-split.mp4`)).toBe(await videoMd5(`/out/${out}-whole.mp4`));
    const three = await runCommand(vol, cmd(`/out/${out}-split-3.mp4`), { engine, segments: 3 });
    expect(three.segmentation).toMatchObject({ segments: 3, mode: 'input-seek' });
    expect(await videoMd5(`/out/${out}-split-3.mp4`)).toBe(await videoMd5(`/out/${out}-whole.mp4`));
  });

  // Under an input -ss the whole run's count starts at the first frame kept there: the first
  // segment seeks as the command does, the others carry the count from it.
  it.each([
    ['-ss 1, 25 into 30 fps through a scale', ['-ss', '1'], ['-vf', 'scale=320:240'], '30'],
    [
      '-ss 0.51 (between two frames), -t 2, 25 into 24 fps',
      ['-ss', '0.51'],
      ['-vf', 'scale=320:240', '-t', '2'],
      '24',
    ],
  ])('%s: every frame, time and sample the whole run’s', async (_name, seek, graph, r) => {
    const cmd = (path: string) =>
      Command.parse(['-y', ...seek, '-i', SOURCE, ...graph, '-r', r, ...LOSSLESS, path]);
    const whole = '/out/rate-change-seeked-whole.mp4';
    await runCommand(vol, cmd(whole), { engine });
    for (const n of [2, 3]) {
      const split = `/out/rate-change-seeked-split-${n}.mp4`;
      const result = await runCommand(vol, cmd(split), { engine, segments: n });
      expect(result.segmentation).toMatchObject({ segments: n, mode: 'input-seek' });
      expect(await frameTimes(split)).toEqual(await frameTimes(whole));
      expect(await videoMd5(split)).toBe(await videoMd5(whole));
      expect(await audioMd5(split)).toBe(await audioMd5(whole));
      expect(await streams(split)).toEqual(await streams(whole));
    }
  });

  // Matroska and MPEG-TS keep frame times: FFmpeg gives each frame the next free one of the -r,
  // or its own rounded (vfr), and each segment carries that count too.
  // (Under an output -t the last segment writes as many frames as the whole run has times for.)
  it.each([
    ['mkv', [], []],
    ['ts', [], []],
    ['mkv', ['-ss', '0.51'], ['-t', '2']],
  ] as const)(
    'into %s %s %s, 25 into 24 fps through a scale: every frame and time the whole run’s',
    async (into, seek, bounds) => {
      const cmd = (path: string) =>
        Command.parse([
          ...['-y', ...seek, '-i', SOURCE, '-vf', 'scale=320:240', ...bounds, '-r', '24'],
          ...[...LOSSLESS, path],
        ]);
      const whole = `/out/rate-change-whole.${into}`;
      await runCommand(vol, cmd(whole), { engine });
      for (const n of [2, 3]) {
        const split = `/out/rate-change-split-${n}.${into}`;
        const result = await runCommand(vol, cmd(split), { engine, segments: n });
        expect(result.segmentation).toMatchObject({ segments: n, mode: 'input-seek' });
        expect(await frameTimes(split)).toEqual(await frameTimes(whole));
        expect(await videoMd5(split)).toBe(await videoMd5(whole));
        expect(await audioMd5(split)).toBe(await audioMd5(whole));
      }
    },
  );

  // Without a filter a frame lasts its packet's length rounded (one frame time here), and the
  // filter a segment needs gives it the graph's (24/25): the counts would part, so no cut fits.
  it('25 into 24 fps with no filter runs whole and says why', async () => {
    await expectRunsWhole(
      Command.parse(['-y', '-i', SOURCE, '-r', '24', ...LOSSLESS, '/out/rate-change-whole.mp4']),
      'with a -vf, even -vf null, this command would split',
    );
  });
});

describe('R-AF-17 R-AF-8 cancelling a split job', () => {
  it('stops every segment, leaves nothing in the volume, and the engine goes on', async () => {
    const before = snapshot(vol);
    await expect(splitAbortedOnceStarted(to(transcode, '/out/cancelled.mp4'), 2)).rejects.toBeInstanceOf(
      RunAbortedError,
    );
    expect(snapshot(vol)).toEqual(before);
    const again = await runCommand(vol, to(transcode, '/out/after.mp4'), { engine, segments: 2 });
    expect(again.segmentation.segments).toBe(2);
    expect(await frameTimes('/out/after.mp4')).toHaveLength(100);
  });

  it.each([
    ['its timeout', () => ({ timeout: 150 }), 150],
    [
      'a signal that times out (AbortSignal.timeout)',
      () => ({ signal: AbortSignal.timeout(150) }),
      undefined,
    ],
  ] as const)(
    '%s: RunTimeoutError, nothing left in the volume, the engine goes on',
    async (_, options, ms) => {
      const before = snapshot(vol);
      const error = await runCommand(vol, to(transcode, '/out/timed-out.mp4'), {
        engine,
        segments: 2,
        ...options(),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunTimeoutError);
      expect((error as RunTimeoutError).timeoutMs).toBe(ms);
      expect(snapshot(vol)).toEqual(before);
      const again = await runCommand(vol, to(transcode, '/out/after-timeout.mp4'), { engine, segments: 2 });
      expect(await frameTimes('/out/after-timeout.mp4')).toHaveLength(100);
      expect(again.segmentation.segments).toBe(2);
    },
  );

  it('its timeout over a command that runs whole: RunTimeoutError all the same', async () => {
    const counted = to(transcode, '/out/timed-out-whole.mp4').mapOutputs((o) => ({
      ...o,
      options: { ...o.options, 'frames:v': 90 },
    }));
    expect((await runCommand(vol, counted, { engine, segments: 2 })).segmentation.segments).toBe(1);
    const error = await runCommand(vol, counted, { engine, segments: 2, timeout: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RunTimeoutError);
    expect((error as RunTimeoutError).timeoutMs).toBe(150);
  });

  /**
   * A volume holding the source, seen through a file system whose writes to `/out/joined.mp4` go
   * to `onWrite` first: only the join writes into the caller's volume, so this reaches the job
   * once every segment has succeeded.
   */
  const joinTrap = (onWrite: () => void) => {
    const trapped = new Volume();
    trapped.mkdirSync('/in', { recursive: true });
    trapped.mkdirSync('/out', { recursive: true });
    trapped.writeFileSync(SOURCE, vol.readFileSync(SOURCE) as Buffer);
    const fs = interceptIo(trapped as unknown as SyncFileSystem, /^\/out\/joined\.mp4$/, {
      write: ({ position, write }) => {
        onWrite();
        return write(position);
      },
    });
    return { trapped, fs };
  };

  it('cancelled while the join writes the output: RunAbortedError, and the output is removed', async () => {
    // Before: the join's half-written output stayed in the caller's volume.
    const controller = new AbortController();
    const { trapped, fs } = joinTrap(() => controller.abort());
    const before = snapshot(trapped);
    const error = await runCommand(fs, to(transcode, '/out/joined.mp4'), {
      engine,
      segments: 2,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(controller.signal.aborted).toBe(true);
    expect(error).toBeInstanceOf(RunAbortedError);
    expect(snapshot(trapped)).toEqual(before);
  });

  it('a join whose volume is full: VolumeCapacityError, and the output is removed', async () => {
    const { trapped, fs } = joinTrap(() => {
      throw errnoError('ENOSPC', 'no space left on device');
    });
    const before = snapshot(trapped);
    const error = await runCommand(fs, to(transcode, '/out/joined.mp4'), { engine, segments: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VolumeCapacityError);
    expect(error).toMatchObject({ path: '/out/joined.mp4', code: 'ENOSPC' });
    expect(snapshot(trapped)).toEqual(before);
    // A file that was there before is the caller's: a job failing before its join leaves it be.
    trapped.writeFileSync('/out/joined.mp4', 'mine');
    const failing = to(transcode, '/out/joined.mp4').mapOutputs((o) => ({
      ...o,
      options: { ...o.options, ar: 12345 },
    }));
    await expect(runCommand(fs, failing, { engine, segments: 2 })).rejects.toBeInstanceOf(FFmpegExitError);
    expect(trapped.readFileSync('/out/joined.mp4', 'utf8')).toBe('mine');
  });

  it('the output on a mount whose volume is full under the join: removed from that volume', async () => {
    const { trapped, fs } = joinTrap(() => {
      throw errnoError('ENOSPC', 'no space left on device');
    });
    const before = snapshot(trapped);
    const mounts = [{ at: '/media', volume: fs }];
    const error = await runCommand(vol, to(transcode, '/media/out/joined.mp4'), {
      engine,
      segments: 2,
      mounts,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VolumeCapacityError);
    expect(snapshot(trapped)).toEqual(before);
  });
});

describe('R-AF-17 more segments than Node allows listeners on one signal (a 16-core `auto`)', () => {
  // Before: every segment's run listened to the split's one signal, and past ten Node printed
  // "MaxListenersExceededWarning: Possible EventTarget memory leak detected" on every such job.
  const LONG = '/in/six-seconds.mp4';
  const cmd = (path: string) =>
    Command.parse(`-y -i ${LONG} -c:v libx264 -preset ultrafast -c:a aac ${path}`);
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  beforeAll(async () => {
    await engine.run(vol, [
      ...['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=6'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=6'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', LONG],
    ]);
    process.on('warning', onWarning);
  });
  afterAll(() => {
    process.off('warning', onWarning);
  });

  it('12 segments: every frame once, no warning; cancelled, nothing left and no warning', async () => {
    await runCommand(vol, cmd('/out/twelve-whole.mp4'), { engine });
    const result = await runCommand(vol, cmd('/out/twelve.mp4'), { engine, segments: 12 });
    expect(result.segmentation.segments).toBe(12);
    expect(await frameTimes('/out/twelve.mp4')).toEqual(await frameTimes('/out/twelve-whole.mp4'));
    const before = snapshot(vol);
    await expect(splitAbortedOnceStarted(cmd('/out/twelve-cancelled.mp4'), 12)).rejects.toBeInstanceOf(
      RunAbortedError,
    );
    expect(snapshot(vol)).toEqual(before);
    // Node emits its warnings on the next tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(warnings).toEqual([]);
  });
});

describe('R-AF-17 a segment that fails', () => {
  it.each([
    // every segment's video encoder refuses it
    ['its video encoder', { preset: 'no-such-preset' }, 'no-such-preset'],
    // only the first segment's audio output (AAC has no 12345 Hz) fails: the others are stopped
    ['the audio the first segment encodes', { ar: 12345 }, '12345'],
  ] as const)(
    '%s: rejects with its typed error, stops the others, and the engine goes on',
    async (_what, options, said) => {
      const before = snapshot(vol);
      const bad = to(transcode, '/out/bad.mp4').mapOutputs((o) => ({
        ...o,
        options: { ...o.options, ...options },
      }));
      const error = await runCommand(vol, bad, { engine, segments: 'auto' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FFmpegExitError);
      expect((error as FFmpegExitError).stderrTail).toContain(said);
      expect(snapshot(vol)).toEqual(before);
      const again = await runCommand(vol, to(transcode, '/out/after-failure.mp4'), {
        engine,
        segments: 'auto',
      });
      expect(again.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
    },
  );
});

describe('R-AF-17 unevenly spaced frames (a phone’s variable rate, a missing frame) into MP4 and Matroska', () => {
  // Frames placed on a 1/600 s clock (as phones write MP4), by `setpts` over 30 fps. MP4 fills
  // a constant rate: the whole run repeats or drops frames where they fall between frame times,
  // and a segment must fill its own frame times the same. The cuts go where FFmpeg's filling,
  // worked out from the packet scan (`cfrSlots`), is the same in the segment and the whole run.
  const JITTER = PHONE_JITTER;
  const MISSING = 'N*20+if(gte(N\\,59)\\,20\\,0)+if(gte(N\\,80)\\,40\\,0)';
  const GAP_10 = 'N*20+if(gte(N\\,50)\\,200\\,0)';
  it.each([
    // Each frame up to 1/600 s off its frame time: shown once each, whole and split.
    ['a phone’s jitter', '/in/jitter.mp4', JITTER, true, 3, {}, [1.333333, 2.766666], 120],
    // A frame time missing at 2 s and two at 2.7 s: the whole run shows frame 59 twice (its
    // packet lasts two frame times), frame 79 once more and frame 80 twice. Before: runs whole.
    ['frames missing', '/in/missing.mp4', MISSING, true, 3, {}, [1.366666, 2.833333], 123],
    // The same cut by the output's -t, which trims from the first frame before the filling.
    ['frames missing, -t 2.5', '/in/missing.mp4', MISSING, true, 3, { t: 2.5 }, [0.833333, 1.733333], 75],
    // No audio: the file has one stream, and FFmpeg fills with vscfr (a first frame 0.45 late).
    [
      'video only, first frame late',
      '/in/late-jitter.mp4',
      `9+${JITTER}`,
      false,
      3,
      {},
      [1.533333, 2.866666],
      120,
    ],
    // Matroska keeps frame times (FFmpeg rounds each onto the encoder's, gaps stay): the cuts go
    // where a segment gives its frames the whole run's times, which the segments keep.
    ['jitter into Matroska', '/in/jitter.mp4', JITTER, true, 3, {}, [1.333333, 2.766666], 120, 'mkv'],
    [
      'frames missing into Matroska',
      '/in/missing.mp4',
      MISSING,
      true,
      4,
      {},
      [1.033333, 2.233333, 3.233333],
      120,
      'mkv',
    ],
    // Ten frame times missing at 1.67 s. Cut at 2.17 s, the first segment held the gap and the
    // join took its average rate (25.4 fps) as the output's: Matroska wrote it as every frame's
    // length, and FFmpeg read the file back as 104 frames. The first segment ends at the gap.
    ['a gap into Matroska', '/in/gap-10.mp4', GAP_10, true, 2, {}, [2], 120, 'mkv'],
    // Before: cut as if Matroska kept the gap, where -fps_mode cfr fills it: 120 frames for 130.
    [
      'a gap into Matroska with -fps_mode cfr (filled)',
      '/in/gap-10.mp4',
      GAP_10,
      true,
      2,
      { privateOptions: { fps_mode: 'cfr' } },
      [2.166666],
      130,
      'mkv',
    ],
    [
      'a gap into MP4 with -fps_mode vfr (kept)',
      '/in/gap-10.mp4',
      GAP_10,
      true,
      2,
      { privateOptions: { fps_mode: 'vfr' } },
      [2],
      120,
    ],
  ] as const)(
    '%s: split where the filling comes out the same, every frame as in the whole run',
    async (_name, source, times, audio, n, output, cuts, frames, into?: string) => {
      await uneven(source, times, audio);
      const result = await expectSplitLikeWhole(source, n, 'input-seek', frames, {
        output,
        into: into ?? 'mp4',
      });
      expect(result.segmentation.cuts).toEqual(cuts);
    },
  );

  // Through an `fps` filter the encoder meets the filter's frames: each segment starts at a source
  // frame, its exact time read from the packet scan (1/600 s ticks), and the gaps and jitter are
  // the filter's to fill (before: ran whole).
  it.each([
    ['a phone’s jitter', 'fps=30', '/in/jitter.mp4', JITTER],
    ['a phone’s jitter', 'fps=24,scale=240:-2', '/in/jitter.mp4', JITTER],
    ['frames missing', 'fps=30000/1001', '/in/missing.mp4', MISSING],
    ['a gap of ten frame times', 'fps=25', '/in/gap-10.mp4', GAP_10],
    // r_frame_rate says 60 for an average of 28.7, which sends a split without fps whole (below)
    ['every tenth frame half a frame time late', 'fps=30', '/in/drift.mp4', 'N*20+floor(N/10)*10'],
  ])('%s through %s: split seeking, every frame the whole run’s', async (name, vf, source, times) => {
    await uneven(source, times);
    const out = `fps-uneven-${`${name}-${vf}`.replace(/\W+/g, '-')}`;
    const cmd = (path: string) =>
      Command.parse(['-y', '-i', source, '-vf', `${vf},format=yuv420p`, ...LOSSLESS, path]);
    await expectCommandSplitLikeWhole(cmd, out, 'input-seek');
    const whole = await videoMd5(`/out/${out}-whole.mp4`);
    expect(await videoMd5(`/out/${out}-split.mp4`)).toBe(whole);
    const three = await runCommand(vol, cmd(`/out/${out}-three.mp4`), { engine, segments: 3 });
    expect(three.segmentation).toMatchObject({ segments: 3, mode: 'input-seek' });
    expect(await videoMd5(`/out/${out}-three.mp4`)).toBe(whole);
  });

  it('the global -vsync 2 (the mode -fps_mode vfr names) into MP4: splits, the gap kept', async () => {
    await uneven('/in/gap-10.mp4', GAP_10);
    const cmd = (path: string) =>
      Command.parse(`-y -vsync 2 -i /in/gap-10.mp4 -c:v libx264 -preset ultrafast -c:a aac ${path}`);
    const result = await expectCommandSplitLikeWhole(cmd, 'vsync', 'input-seek');
    expect(result.segmentation.cuts).toEqual([2]);
    expect(await frameTimes('/out/vsync-split.mp4')).toHaveLength(120);
  });

  it('a gap passed through (-fps_mode passthrough): runs whole and says why', async () => {
    await uneven('/in/gap-10.mp4', GAP_10);
    const cmd = Command.parse(
      '-y -i /in/gap-10.mp4 -fps_mode passthrough -c:v libx264 -preset ultrafast -c:a aac /out/passed.mp4',
    );
    await expectRunsWhole(cmd, 'not evenly spaced');
    expect(await frameTimes('/out/passed.mp4')).toHaveLength(120);
  });

  it('a filter between, a frame time missing where the cut would go: the cut moves', async () => {
    // With a filter each frame is one frame time long: frame 61, at 62, is shown at 61 and 62.
    // Cut at 2.033 s, where the balance puts it, the second segment showed it once (120 frames
    // for 121, checked); cut at 2 s, frame 60's segment meets frame 61 late as the whole run does.
    await uneven('/in/missing-61.mp4', 'N*20+if(gte(N\\,61)\\,20\\,0)');
    const cmd = (path: string) =>
      Command.parse(`-y -i /in/missing-61.mp4 -vf hflip -c:v libx264 -preset ultrafast -c:a aac ${path}`);
    const result = await expectCommandSplitLikeWhole(cmd, 'missing-hflip', 'input-seek');
    expect(result.segmentation.cuts).toEqual([2]);
    expect(await frameTimes('/out/missing-hflip-split.mp4')).toHaveLength(121);
  });

  it.each([
    // Before: ran whole (and, cut on the frame grid, lost a frame at 4 segments). The whole run
    // shows the frame after the gap 16 times; the cuts fall clear of it.
    ['MP4', 'mp4', 100, [1.24, 2.16, 3.16]],
    // Before: ran whole (and, cut on the frame grid, gained the gap's 15 frames, filled by the
    // QuickTime segments). The gap stays a gap.
    ['Matroska', 'mkv', 85, [1.2, 2.16, 3.16]],
  ] as const)(
    'a Matroska source with a 0.6 s gap in its video (ms times), into %s at 4 segments',
    async (_name, into, frames, cuts) => {
      if (!vol.existsSync('/in/gap.mkv'))
        await engine.run(vol, [
          ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '250'],
          ...['-vf', "select='not(between(n,15,29))'", '-fps_mode', 'passthrough', '/in/gap.mkv'],
        ]);
      const result = await expectSplitLikeWhole('/in/gap.mkv', 4, 'input-seek', frames, { into });
      expect(result.segmentation.cuts).toEqual(cuts);
    },
  );

  it('a rate FFmpeg would guess otherwise (r_frame_rate far from the average): runs whole', async () => {
    // Every tenth frame half a frame time late: ffprobe's r_frame_rate says 60, the average 28.7.
    await uneven('/in/drift.mp4', 'N*20+floor(N/10)*10');
    const cmd = new Command({ y: true })
      .input('/in/drift.mp4')
      .output('/out/drift.mp4', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await expectRunsWhole(cmd, 'not evenly spaced from its start');
  });
});

describe('R-AF-17 a map of the one input’s streams', () => {
  // A map sent a split after the graph (every segment decoding from the start). One video entry
  // and then audio entries now seek the input: the segments map the video, the first segment's
  // audio output the audio entries from the input it reads whole.
  const TWO_TRACKS = '/in/two-tracks.mp4';
  const twoTracks = async () => {
    if (vol.existsSync(TWO_TRACKS)) return;
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=880:sample_rate=48000:duration=4'],
      ...['-map', '0:v', '-map', '1:a', '-map', '2:a'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-c:a', 'aac', TWO_TRACKS],
    ]);
  };
  it.each([
    ['0:v:0 and the second audio track', ['0:v:0', '0:a:1'], 'input-seek', ['video', 'audio']],
    ['0:v and every audio track', ['0:v', '0:a'], 'input-seek', ['video', 'audio', 'audio']],
    ['the video only', ['0:v'], 'input-seek', ['video']],
    // The join wrote the video first (video, audio, audio against audio, audio, video whole).
    ['the audio first', ['0:a', '0:v'], 'output-seek', ['audio', 'audio', 'video']],
    // Mixed: the audio rides as PCM in the segments, which keep the command's order.
    [
      'the video between two audio tracks',
      ['0:a:0', '0:v', '0:a:1'],
      'output-seek',
      ['audio', 'video', 'audio'],
    ],
  ] as const)(
    '%s: %j, split %s, every frame, the audio and the streams’ order as in the whole run',
    async (_name, map, mode, types) => {
      await twoTracks();
      await expectSplitLikeWhole(TWO_TRACKS, 2, mode, 100, { output: { map } });
      const split = `/out/two-tracks-split-2.mp4`;
      expect((await streams(split)).map((s) => s.type)).toEqual(types);
    },
  );

  it('-c:a copy of the second audio track, the input seeked: splits, the copy as in the whole run', async () => {
    await twoTracks();
    await expectSplitLikeWhole(TWO_TRACKS, 2, 'input-seek', 100, {
      output: { map: ['0:v:0', '0:a:1'], 'c:a': 'copy' },
    });
  });

  it('a map naming audio a video-only input lacks: FFmpeg’s error on the command’s own map; 0:a? splits', async () => {
    const cmd = (map: readonly InputStreamSelector[]) =>
      new Command({ y: true })
        .input('/in/video-only.mp4')
        .output('/out/mapped.mp4', { map, 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=4'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '/in/video-only.mp4'],
    ]);
    const failure = await runCommand(vol, cmd(['0:v', '0:a']), { engine, segments: 2 }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(FFmpegExitError);
    expect((failure as FFmpegExitError).stderr).toContain("Stream map '0:a' matches no streams");
    const optional = await runCommand(vol, cmd(['0:v', '0:a?']), { engine, segments: 2 });
    expect(optional.segmentation).toMatchObject({ segments: 2, mode: 'input-seek' });
    expect((await streams('/out/mapped.mp4')).map((s) => s.type)).toEqual(['video']);
  });

  // Before 2026-12-03 it ran whole ("splits only where the input is seeked"); into Matroska the
  // split's tracks then had the scratch files' tags and the default flag on the audio alone.
  it.each(['mp4', 'mkv'])(
    '-c:a copy after the graph (the audio mapped first) into %s: split, the copy, tags and dispositions as one run’s',
    async (into) => {
      await twoTracks();
      const cmd = (path: string) =>
        Command.parse([
          '-y',
          '-i',
          TWO_TRACKS,
          '-map',
          '0:a:1',
          '-map',
          '0:v',
          ...LOSSLESS,
          '-c:a',
          'copy',
          path,
        ]);
      const { whole, split } = await splitBesideWhole(cmd, 'copied-first', into, 'output-seek');
      expect(await packetsOf(split, 'a')).toBe(await packetsOf(whole, 'a'));
      expect(await describedStreams(split)).toBe(await describedStreams(whole));
      expect(await videoMd5(split)).toBe(await videoMd5(whole));
    },
  );
});
