import { Command, createEngine, type Engine, runCommand, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mp4Index, readMp4Index } from '../../src/segments/mp4-index.js';
import { type SourceFacts, scannedFacts } from '../../src/segments/source-facts.js';

// R-AF-17: an input-seek split reads an MP4's facts from its index (no ffprobe run, no read of the
// whole file), and they must be exactly what ffprobe's header and packet scan say.

let engine: Engine;
const vol = new Volume();
const video = (rate: string, extra: string[] = []) => [
  ...['-f', 'lavfi', '-i', `testsrc2=size=160x120:rate=${rate}:duration=3`],
  ...extra,
];
const tone = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];

const files: readonly [string, string, string[]][] = [
  [
    'x264, B-frames, GOP 250, AAC',
    'default.mp4',
    [...video('30'), ...tone, '-c:v', 'libx264', '-c:a', 'aac'],
  ],
  [
    'x264, a keyframe every 30 frames at 30000/1001',
    'ntsc.mp4',
    [...video('30000/1001'), '-c:v', 'libx264', '-g', '30'],
  ],
  [
    'x264 baseline (no B-frames), 25 fps, index first (+faststart)',
    'faststart.mp4',
    [...video('25'), '-c:v', 'libx264', '-profile:v', 'baseline', '-g', '25', '-movflags', '+faststart'],
  ],
  [
    'QuickTime, GOP 45, AAC',
    'clip.mov',
    [...video('30'), ...tone, '-c:v', 'libx264', '-g', '45', '-c:a', 'aac'],
  ],
  ['MPEG-4 Part 2 with B-frames', 'mpeg4.mp4', [...video('30'), '-c:v', 'mpeg4', '-bf', '2', '-g', '40']],
  ['x264, 5 B-frames at 60 fps', 'bf5.mp4', [...video('60'), '-c:v', 'libx264', '-bf', '5', '-g', '100']],
  [
    // which FFmpeg's own choice takes (the enabled first over the stereo second), as ffprobe's
    // channels and dispositions say
    'a mono and a stereo AAC track',
    'two-audio.mp4',
    [
      ...video('25'),
      ...tone,
      ...['-f', 'lavfi', '-i', 'sine=frequency=660:duration=3', '-map', '0', '-map', '1', '-map', '2'],
      ...['-c:v', 'libx264', '-c:a', 'aac', '-ac:a:1', '2'],
    ],
  ],
  [
    'audio running 2 s past the video',
    'long-audio.mp4',
    [...video('25'), '-f', 'lavfi', '-i', 'sine=frequency=440:duration=5', '-c:v', 'libx264', '-c:a', 'aac'],
  ],
];

const read = (path: string): Mp4Index | undefined => {
  const bytes = vol.readFileSync(path) as Uint8Array;
  return readMp4Index((position, length) => bytes.subarray(position, position + length), bytes.length);
};
/** Both as ffprobe prints them: times to the microsecond. */
const printed = (facts: SourceFacts | Mp4Index | undefined) =>
  facts && {
    ...facts,
    durationSeconds: facts.durationSeconds?.toFixed(6),
    keyframeSeconds: facts.keyframeSeconds.map((t) => t.toFixed(6)),
    videoSeconds: facts.videoSeconds?.toFixed(6),
  };

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  await Promise.all(files.map(([, name, args]) => engine.run(vol, ['-y', ...args, `/${name}`])));
  await engine.run(vol, [
    ...[
      '-y',
      '-i',
      '/default.mp4',
      '-f',
      'srt',
      '-i',
      'data:text/plain,1%0A00:00:00,500 --> 00:00:01,000%0Ahi%0A',
    ],
    ...['-map', '0', '-map', '1', '-c', 'copy', '-c:s', 'mov_text', '/subbed.mp4'],
  ]);
  // Chapters: FFmpeg writes them as a text track too, which its demuxer reads as data, not subtitles.
  vol.writeFileSync(
    '/chapters.txt',
    ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=One\n',
  );
  await engine.run(vol, [
    ...['-y', '-i', '/subbed.mp4', '-i', '/chapters.txt'],
    ...['-map', '0', '-map_chapters', '1', '-c', 'copy', '/chaptered.mp4'],
  ]);
});

afterAll(() => engine.close());

describe('R-AF-17 an MP4 index read in JavaScript says what ffprobe says', () => {
  it.each([
    ...files.map(([what, name]) => [what, name] as const),
    ['a subtitle track', 'subbed.mp4'] as const,
    ['a subtitle track and chapters (a text track read as data)', 'chaptered.mp4'] as const,
  ])('%s', async (_what, name) => {
    const index = read(`/${name}`);
    expect(index).toBeDefined();
    // What the index reader implies (one sample length, a first picture at 0, a seek index),
    // ffprobe's header and packet scan must find too.
    const scanned = await scannedFacts(vol, `/${name}`, engine, {});
    const { frameTicks, ...indexed } = index ?? ({} as Mp4Index);
    const implied = index && {
      ...indexed,
      seeksExactly: true,
      quickTime: true,
      matroska: false,
      attachmentStreams: 0,
      videoOnlyOrigin: 0,
      grid: { regular: true, phase: 0 },
    };
    const {
      seconds: _seconds,
      durations: _durations,
      ...grid
    } = scanned.grid ?? {
      regular: false,
      phase: Number.NaN,
    };
    // What only the scan is asked for (unevenly spaced frames are never read from an index).
    // (and the audio's codecs, which only a copy from Matroska needs).
    const {
      streamCount: _n,
      rateIsFfmpegs: _rate,
      frameTicks: _ticks,
      audioCodecs: _codecs,
      ...facts
    } = scanned;
    expect(printed(implied)).toEqual(printed({ ...facts, grid }));
    // Each picture's time in ticks, as the scan's microseconds give them too.
    expect(frameTicks?.length).toBeGreaterThan(10);
    expect(frameTicks).toEqual(scanned.frameTicks);
  });

  it.each([
    ['a fragmented MP4', ['-c:v', 'libx264', '-movflags', '+frag_keyframe+empty_moov'], 'frag.mp4'],
    ['Matroska', ['-c:v', 'libx264'], 'clip.mkv'],
  ])('%s: not read (ffprobe answers)', async (_what, args, name) => {
    await engine.run(vol, ['-y', ...video('30'), ...args, `/${name}`]);
    expect(read(`/${name}`)).toBeUndefined();
  });

  it.each([
    ['cut short inside its index', (bytes: Uint8Array) => bytes.subarray(0, 200)],
    [
      'a sync-sample table that claims more entries than it holds',
      (bytes: Uint8Array) => {
        const copy = bytes.slice();
        const at = Buffer.from(copy).indexOf('stss');
        new DataView(copy.buffer).setUint32(at + 8, 0xfffffff0);
        return copy;
      },
    ],
  ])('a file %s: not read, nothing thrown', (_what, damage) => {
    const bytes = damage(vol.readFileSync('/faststart.mp4') as Uint8Array);
    expect(readMp4Index((p, n) => bytes.subarray(p, p + n), bytes.length)).toBeUndefined();
  });

  it('a split of an MP4 runs no ffprobe: its segments and the join only', async () => {
    const runs: string[] = [];
    const watched: Engine = {
      concurrency: engine.concurrency,
      run: (v, args, options) => {
        runs.push(options?.tool ?? 'ffmpeg');
        return engine.run(v, args, options);
      },
      probe: (v, path, options) => {
        runs.push('probe');
        return engine.probe(v, path, options);
      },
      close: () => Promise.resolve(),
    };
    const cmd = new Command({ y: true })
      .input('/default.mp4')
      .output('/split.mp4', { 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    const result = await runCommand(vol, cmd, { engine: watched, segments: 2 });
    expect(result.segmentation.segments).toBe(2);
    expect(runs).toEqual(['ffmpeg', 'ffmpeg', 'ffmpeg']);
  });
});

describe('R-AF-17 the video streams FFmpeg makes of an MP4', () => {
  it('cover art in its metadata is a video stream of its own: the index does not count', async () => {
    await engine.run(vol, [
      '-y',
      ...['-f', 'lavfi', '-i', 'color=red:size=64x64'],
      '-frames:v',
      '1',
      '/cover.png',
    ]);
    await engine.run(vol, [
      ...['-y', '-i', '/default.mp4', '-i', '/cover.png', '-map', '0', '-map', '1', '-c', 'copy'],
      ...['-c:v:1', 'png', '-disposition:v:1', 'attached_pic', '/covered.mp4'],
    ]);
    const probed = await engine.probe(vol, '/covered.mp4');
    expect(probed.streams.filter((s) => s.codecType === 'video')).toHaveLength(2);
    expect(read('/covered.mp4')?.videoStreams).toBeUndefined();
    expect(read('/default.mp4')?.videoStreams).toBe(1);
  });
});
