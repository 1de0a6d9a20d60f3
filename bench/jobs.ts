import type { Fixtures } from './fixtures.js';
import type { BenchJob } from './runner.js';

/** A named measurement: the jobs of one batch and how many may run at once. */
export interface BenchCase {
  readonly name: string;
  readonly jobs: readonly BenchJob[];
  readonly parallel: number;
  /** Timed runs; the median is reported. */
  readonly repeats: number;
}

function pick(fixtures: Fixtures, ...names: string[]): Map<string, Uint8Array> {
  return new Map(names.map((name) => [name, fixtures.files.get(name) as Uint8Array]));
}

function reelArgs(): string[] {
  const cards = [1, 2, 3, 4, 5];
  const inputs = cards.flatMap((n) => ['-loop', '1', '-framerate', '25', '-t', '3', '-i', `card${n}.png`]);
  let video = '[0:v]';
  const chain: string[] = [];
  for (let i = 1; i < cards.length; i++) {
    const out = i === cards.length - 1 ? '[v]' : `[x${i}]`;
    chain.push(`${video}[${i}:v]xfade=transition=fade:duration=0.5:offset=${(i * 2.5).toFixed(1)}${out}`);
    video = out;
  }
  const audio = [
    '[5:a]adelay=1000|1000[a1]',
    '[6:a]adelay=6000|6000[a2]',
    '[7:a]volume=0.3[bed]',
    '[a1][a2][bed]amix=inputs=3:duration=longest:normalize=0,afade=t=out:st=12:d=1,alimiter[a]',
  ];
  return [
    ...inputs,
    ...['-i', 'voice-1.mp3', '-i', 'voice-2.mp3', '-i', 'music.mp3'],
    ...['-filter_complex', [...chain, ...audio].join(';'), '-map', '[v]', '-map', '[a]'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', '12'],
    'reel.mp4',
  ];
}

export function benchCases(fixtures: Fixtures): BenchCase[] {
  const transcode = (name: string, input: string): BenchJob => ({
    name,
    tool: 'ffmpeg',
    inputs: pick(fixtures, input),
    args: [
      '-hide_banner',
      '-y',
      '-i',
      input,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-c:a',
      'aac',
      'out.mp4',
    ],
  });
  const short = Array.from({ length: 8 }, (_, i) => transcode(`short ${i + 1}`, 'short.mp4'));
  return [
    {
      name: 'transcode 10 s 720p H.264/AAC',
      jobs: [transcode('transcode', 'src720.mp4')],
      parallel: 1,
      repeats: 3,
    },
    {
      name: 'reel 1080x1920, 5 cards xfade + audio mix, 12 s',
      jobs: [
        {
          name: 'reel',
          tool: 'ffmpeg',
          inputs: pick(
            fixtures,
            'card1.png',
            'card2.png',
            'card3.png',
            'card4.png',
            'card5.png',
            'voice-1.mp3',
            'voice-2.mp3',
            'music.mp3',
          ),
          args: ['-hide_banner', '-y', ...reelArgs()],
        },
      ],
      parallel: 1,
      repeats: 3,
    },
    {
      name: 'probe (ffprobe -show_format -show_streams)',
      jobs: [
        {
          name: 'probe',
          tool: 'ffprobe',
          inputs: pick(fixtures, 'src720.mp4'),
          args: ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', 'src720.mp4'],
        },
      ],
      parallel: 1,
      repeats: 5,
    },
    {
      name: 'thumbnail (seek 5 s, one PNG 320 wide)',
      jobs: [
        {
          name: 'thumbnail',
          tool: 'ffmpeg',
          inputs: pick(fixtures, 'src720.mp4'),
          args: [
            '-hide_banner',
            '-y',
            '-ss',
            '5',
            '-i',
            'src720.mp4',
            '-frames:v',
            '1',
            '-vf',
            'scale=320:-2',
            'thumb.png',
          ],
        },
      ],
      parallel: 1,
      repeats: 3,
    },
    { name: 'batch of 8 short transcodes, one at a time', jobs: short, parallel: 1, repeats: 3 },
    { name: 'batch of 8 short transcodes, two at a time', jobs: short, parallel: 2, repeats: 3 },
  ];
}
