import {
  AfmpegError,
  Command,
  createEngine,
  type Engine,
  FFmpegExitError,
  runCommand,
  UnknownComponentError,
  type VariantName,
  Volume,
} from 'afmpeg';
import { afterAll, describe, expect, it } from 'vitest';
import { namedComponents } from '../../dist/builder/named-components.js';

// runCommand checks a command against the build it will run on (its provenance) before FFmpeg
// starts. Real engines over the committed builds; the counting wrapper only tallies how many runs
// reached the engine, so "nothing ran" is measured, not assumed.
const engines = new Map<VariantName, Engine>();
const started: string[][] = [];
function counted(variant: VariantName): Engine {
  let real = engines.get(variant);
  if (!real) {
    real = createEngine({ variant, concurrency: 1 });
    engines.set(variant, real);
  }
  const engine = real;
  return {
    run: (vol, args, options) => {
      started.push([...args]);
      return engine.run(vol, args, options);
    },
    probe: (vol, path, options) => engine.probe(vol, path, options),
    components: () => (engine.components as NonNullable<Engine['components']>)(),
    close: () => engine.close(),
  };
}
afterAll(async () => {
  await Promise.all([...engines.values()].map((e) => e.close()));
});

// The failing commands, and their like: input line -> exactly what the error says.
const missing: Array<[VariantName, string, { kind: string; component: string; where: string }]> = [
  [
    'lean',
    'ffmpeg -i /in.wav -c:a libmp3lame /out.mp3',
    { kind: 'encoder', component: 'libmp3lame', where: 'output #0 -c:a' },
  ],
  [
    'lean',
    'ffmpeg -i /in.wav -codec:a mp3 /out.mp3',
    { kind: 'encoder', component: 'mp3', where: 'output #0 -codec:a' },
  ],
  [
    'lean',
    'ffmpeg -i /in.mp4 -vcodec mpeg4 /out.avi',
    { kind: 'encoder', component: 'mpeg4', where: 'output #0 -vcodec' },
  ],
  [
    'lean',
    "ffmpeg -i /in.mp4 -vf 'drawtext=text=hi:fontfile=/f.ttf' /out.mp4",
    { kind: 'filter', component: 'drawtext', where: 'output #0 -vf' },
  ],
  [
    'lean',
    "ffmpeg -i /in.mp4 -filter_complex '[0:v]scale=64:-2,hqdn3d[v]' -map '[v]' /out.mp4",
    { kind: 'filter', component: 'hqdn3d', where: '-filter_complex' },
  ],
  [
    'lean',
    "ffmpeg -f lavfi -i 'mandelbrot=s=64x48' /out.mp4",
    { kind: 'filter', component: 'mandelbrot', where: 'input #0 (lavfi)' },
  ],
  [
    'lean',
    'ffmpeg -i /in.mp4 -f hls -hls_time 4 /out.m3u8',
    { kind: 'muxer', component: 'hls', where: 'output #0 -f' },
  ],
  [
    'lean',
    'ffmpeg -f matroska -i /in.mkv /out.mp4',
    { kind: 'demuxer', component: 'matroska', where: 'input #0 -f' },
  ],
  [
    'lean',
    'ffmpeg -c:a adpcm_ms -i /in.wav /out.m4a',
    { kind: 'decoder', component: 'adpcm_ms', where: 'input #0 -c:a' },
  ],
  [
    'lean',
    'ffmpeg -i /in.mp4 -c copy -bsf:v h264_metadata=level=31 /out.mp4',
    { kind: 'bsf', component: 'h264_metadata', where: 'output #0 -bsf:v' },
  ],
  // lgpl carries no GPL filter; the first missing one is named.
  [
    'lgpl',
    'ffmpeg -i /in.mp4 -vf hqdn3d,scale=64:-2 /out.mp4',
    { kind: 'filter', component: 'hqdn3d', where: 'output #0 -vf' },
  ],
  [
    'lgpl',
    'ffmpeg -i /in.mp4 -c:v libx264 /out.mp4',
    { kind: 'encoder', component: 'libx264', where: 'output #0 -c:v' },
  ],
  [
    'gpl',
    'ffmpeg -i /in.mp4 -c:v no_such_encoder /out.mp4',
    { kind: 'encoder', component: 'no_such_encoder', where: 'output #0 -c:v' },
  ],
  [
    'gpl',
    'ffmpeg -i /in.mp4 -f no_such_muxer /out.x',
    { kind: 'muxer', component: 'no_such_muxer', where: 'output #0 -f' },
  ],
];

describe('R-AF-9 R-AF-16: runCommand refuses a component the build lacks, before FFmpeg starts', () => {
  it.each(missing)('%s: %s', async (variant, line, expected) => {
    const vol = new Volume();
    vol.mkdirSync('/in');
    vol.writeFileSync('/in.wav', 'not touched');
    const before = started.length;
    const err = await runCommand(vol, Command.parse(line), { engine: counted(variant) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnknownComponentError);
    expect(err).toBeInstanceOf(AfmpegError);
    expect(err).not.toBeInstanceOf(FFmpegExitError);
    expect(err).toMatchObject({ ...expected, variant, exitCode: undefined, stderr: '' });
    expect((err as Error).message).toBe(
      `the ${variant} build has no ${expected.kind} '${expected.component}' (${expected.where}); nothing ran`,
    );
    expect((err as UnknownComponentError).args).toEqual(Command.parse(line).toArgs());
    // Nothing ran, nothing was written, the input is as it was.
    expect(started.length).toBe(before);
    expect(Object.keys(vol.toJSON()).sort()).toEqual(['/in', '/in.wav']);
    expect(vol.readFileSync('/in.wav', 'utf8')).toBe('not touched');
  });
});

// Commands that pass the check and really run on gpl: stream copy, codec names for -c (FFmpeg
// picks the build's encoder for the codec), format names in another case, the mov family's
// demuxer by one of its names, a bitstream filter. Each output is probed.
describe('R-AF-9: what the build has passes the check and runs', () => {
  const vol = new Volume();
  const passing: Array<[string, string, string]> = [
    [
      'codec names: -c:v h264 (libx264 on gpl), -c:a aac; -f MP4 in capitals',
      "ffmpeg -y -loglevel error -f lavfi -i 'testsrc2=s=64x48:r=10:d=1' -f lavfi -i 'sine=d=1' -c:v h264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -f MP4 /a.mp4",
      'h264',
    ],
    [
      'stream copy with a bitstream filter, the input forced by one of mov,mp4,... names',
      'ffmpeg -y -loglevel error -f m4a -i /a.mp4 -map 0:v -c copy -bsf:v h264_mp4toannexb -f h264 /a.h264',
      'h264',
    ],
    [
      'a decoder forced on the input, a filter chain, the image2 muxer',
      "ffmpeg -y -loglevel error -c:v h264 -i /a.h264 -vf 'scale=32:-2,hflip' -frames:v 1 -c:v png -f image2 /b.png",
      'png',
    ],
  ];
  it.each(passing)('%s', async (_what, line, codec) => {
    const before = started.length;
    const result = await runCommand(vol, Command.parse(line), { engine: counted('gpl') });
    expect(result.exitCode).toBe(0);
    expect(started.length).toBe(before + 1);
    const out = Command.parse(line).outputs[0]?.path as string;
    expect((await counted('gpl').probe(vol, out)).streams[0]?.codecName).toBe(codec);
  });

  it('-c copy is never checked as a codec, on any variant (lean here)', async () => {
    const lean = counted('lean');
    const v = new Volume();
    await runCommand(
      v,
      Command.parse("ffmpeg -y -loglevel error -f lavfi -i 'testsrc2=s=64x48:r=10:d=1' -c:v libx264 /a.mp4"),
      { engine: lean },
    );
    const result = await runCommand(v, Command.parse('ffmpeg -y -loglevel error -i /a.mp4 -c copy /b.mp4'), {
      engine: lean,
    });
    expect(result.exitCode).toBe(0);
    expect((await lean.probe(v, '/b.mp4')).streams[0]?.codecName).toBe('h264');
  });

  it('raw argv through engine.run is not checked: FFmpeg refuses it, as the same error with its exit code', async () => {
    const err = await counted('lean')
      .run(new Volume(), ['-f', 'lavfi', '-i', 'sine=d=0.1', '-c:a', 'libmp3lame', '/a.mp4'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnknownComponentError);
    expect(err).toMatchObject({ kind: 'encoder', component: 'libmp3lame', variant: undefined, exitCode: 1 });
  });
});

describe('R-AF-7: the components an argv names', () => {
  const table: Array<[string, ReturnType<typeof namedComponents>]> = [
    [
      'ffmpeg -i a.wav -af volume=2 -c:a libmp3lame a.mp3',
      [
        { kind: 'filter', name: 'volume', where: 'output #0 -af' },
        { kind: 'encoder', name: 'libmp3lame', where: 'output #0 -c:a' },
      ],
    ],
    [
      "ffmpeg -f lavfi -i 'sine=d=1,volume=0.5' -c:v:0 copy -acodec aac -bsf:a aac_adtstoasc,null -f adts o.aac",
      [
        { kind: 'demuxer', name: 'lavfi', where: 'input #0 -f' },
        { kind: 'filter', name: 'sine', where: 'input #0 (lavfi)' },
        { kind: 'filter', name: 'volume', where: 'input #0 (lavfi)' },
        { kind: 'encoder', name: 'aac', where: 'output #0 -acodec' },
        { kind: 'bsf', name: 'aac_adtstoasc', where: 'output #0 -bsf:a' },
        { kind: 'bsf', name: 'null', where: 'output #0 -bsf:a' },
        { kind: 'muxer', name: 'adts', where: 'output #0 -f' },
      ],
    ],
    [
      "ffmpeg -c:v vp9 -i a.webm -filter_complex '[0:v]split[a][b];[a][b]hstack,format=yuv420p[v]' -map '[v]' -filter:a 'atempo=2' b.mkv",
      [
        { kind: 'decoder', name: 'vp9', where: 'input #0 -c:v' },
        { kind: 'filter', name: 'atempo', where: 'output #0 -filter:a' },
        { kind: 'filter', name: 'split', where: '-filter_complex' },
        { kind: 'filter', name: 'hstack', where: '-filter_complex' },
        { kind: 'filter', name: 'format', where: '-filter_complex' },
      ],
    ],
    // Chosen by FFmpeg, not named: the muxer for .mp3, the probed demuxer and decoder.
    ['ffmpeg -i in.mp4 out.mp3', []],
  ];
  it.each(table)('%s', (line, expected) => {
    expect(namedComponents(Command.parse(line).toArgs())).toEqual(expected);
  });
});
