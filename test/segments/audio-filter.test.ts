import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { audioFilterApart } from '../../src/segments/audio-filter.js';

// R-AF-17: a split encodes the audio once, by an output of its own; the command's plain audio
// filter goes there, and the video segments run the command without it.

const apart = (cmd: Command<string>) => {
  const taken = audioFilterApart(cmd.toArgs());
  return taken && { video: taken.video.toArgs(), audioFilter: taken.audioFilter };
};
const source = () => new Command({ y: true }).input('in.mp4');
const codecs = ['-c:v', 'libx264', '-c:a', 'aac'];

describe('R-AF-17 an audio filter taken apart from the video', () => {
  it.each([
    [
      "the builder's audio chain (-af)",
      source()
        .filter('scale', { w: 320, h: -2 })
        .filter('volume', { volume: 0.5 })
        .output('o.mp4', { 'c:v': 'libx264', 'c:a': 'aac' }),
      {
        video: ['-y', '-i', 'in.mp4', '-vf', 'scale=w=320:h=-2', ...codecs, 'o.mp4'],
        audioFilter: ['-af', 'volume=volume=0.5'],
      },
    ],
    [
      'a parsed -af, its text as written',
      Command.parse('-y -i in.mp4 -af "aecho=0.8:0.9:100:0.3,volume=2" -c:v libx264 -c:a aac o.mkv'),
      {
        video: ['-y', '-i', 'in.mp4', ...codecs, 'o.mkv'],
        audioFilter: ['-af', 'aecho=0.8:0.9:100:0.3,volume=2'],
      },
    ],
    [
      "a parsed -filter:a and a stream's -filter:a:1",
      Command.parse(
        '-y -i in.mp4 -map 0:v -map 0:a -filter:a volume=2 -filter:a:1 atempo=2 -c:v libx264 o.mp4',
      ),
      {
        video: ['-y', '-i', 'in.mp4', '-map', '0:v', '-map', '0:a', '-c:v', 'libx264', 'o.mp4'],
        audioFilter: ['-filter:a', 'volume=2', '-filter:a:1', 'atempo=2'],
      },
    ],
  ] as const)('%s', (_name, cmd, expected) => {
    expect(apart(cmd)).toEqual(expected);
  });

  it.each([
    ['no filter', source().output('o.mp4', { 'c:v': 'libx264' })],
    ['a video filter only', source().filter('hflip').output('o.mp4', { 'c:v': 'libx264' })],
    // A complex graph's audio chains are `audioApart`'s.
    ['a complex graph', Command.parse('-i in.mp4 -filter_complex [0:a]volume=2[a] -map 0:v -map [a] o.mp4')],
  ])('%s: nothing to take', (_name, cmd) => {
    expect(apart(cmd)).toBeUndefined();
  });
});
