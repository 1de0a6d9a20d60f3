import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import {
  audioInputs,
  takesAttachments,
  takesManyVideos,
  videoTaken,
} from '../../src/segments/split-hazards.js';

// R-AF-17: a split joins one video stream; a map taking more (an MP4's cover picture, read by
// FFmpeg as a second video stream) runs whole. The runs are in segments.test.ts.

describe('R-AF-17 takesManyVideos: whether a map takes more than one video stream', () => {
  it.each([
    [undefined, [1], false],
    [['0'], [1], false],
    [['0'], [2], true],
    [['0?'], [2], true],
    [['0:v', '0:a'], [2], true],
    [['0:v?', '0:a'], [1], false],
    // the picture left out, or one stream named: one each
    [['0:V', '0:a'], [2], false],
    [['0:v:0', '0:a'], [2], false],
    [['0:v:0', '0:v:1'], [2], true],
    // two inputs' video
    [['0', '1'], [1, 1], true],
    [['0:v', '1:a'], [1, 1], false],
    // a graph's labels, other media
    [['v', '0:a'], [2], false],
    [['0:a', '0:s'], [2], false],
    // an unknown count (an MP4 index over cover art) may be more than one
    [['0'], [undefined], true],
  ] as const)('%j over %j video streams: %s', (map, counts, expected) => {
    expect(takesManyVideos(map, (n) => counts[n])).toBe(expected);
  });
});

describe('R-AF-17 takesAttachments: whether a map after the graph takes attachments', () => {
  it.each([
    [undefined, [1], false],
    [['0'], [1], true],
    [['0'], [0], false],
    // an input whose streams are not known (not a lavfi graph, whose count is 0) might have some
    [['0', '1'], [0, undefined], true],
    [['0:v', '0:a'], [1], false],
    [['0:v', '0:t'], [0], true],
    [['0:v', '1:t:0'], [0, 1], true],
  ] as const)('%j over %j attachments: %s', (map, counts, expected) => {
    expect(takesAttachments(map, (n) => counts[n])).toBe(expected);
  });
});

describe('R-AF-17 audioInputs: the inputs a map takes audio from (audio copied after the graph)', () => {
  it.each([
    [['0:v', '1:a'], [true, true], [1]],
    [['0:v', '1:a:0', '1:a:1'], [true, true], [1]],
    [['1:a?', '0:v'], [true, true], [1]],
    // a whole input, whose audio it takes where it has any
    [['0', '1'], [true, false], [0]],
    [
      ['0', '1'],
      [true, undefined],
      [0, 1],
    ],
    // without a map, FFmpeg's pick from any input with audio
    [undefined, [false, true], [1]],
    [undefined, [true, true], [0, 1]],
    // a graph's label takes no input's audio as it is; video and subtitles none
    [['v', '0:a'], [true], [0]],
    [['0:v', '0:s'], [true], []],
    // a stream by its index: its medium unknown here
    [['0:v', '1:0'], [true, true], undefined],
  ] as const)('%j over inputs with audio %j: %j', (map, hasAudio, expected) => {
    expect(audioInputs(map, (n) => hasAudio[n], hasAudio.length)).toEqual(expected);
  });
});

describe('R-AF-17 videoTaken: whether the output may take an input’s video', () => {
  const taken = (args: string) => {
    const cmd = Command.parse(args);
    return cmd.inputs.map((_, n) => videoTaken(cmd)(n));
  };
  it.each([
    ['-i a.mp4 -i b.m4a -map 0:v -map 1:a -c:v libx264 o.mp4', [true, false]],
    ['-i a.mp4 -i b.mkv -map 1:V:0 -map 0:a -c:v libx264 o.mp4', [false, true]],
    ['-i a.mp4 -i b.mkv -map 0 -map 1:a -c:v libx264 o.mp4', [true, false]],
    // FFmpeg's own pick, a graph, or a stream by index: any
    ['-i a.mp4 -i b.mkv -c:v libx264 o.mp4', [true, true]],
    [
      '-i a.mp4 -i b.mkv -filter_complex [0:v][1:v]hstack[v] -map [v] -map 1:a -c:v libx264 o.mp4',
      [true, true],
    ],
    ['-i a.mp4 -i b.mkv -map 0:v -map 1:0 -c:v libx264 o.mp4', [true, true]],
  ] as const)('%s: %j', (args, expected) => {
    expect(taken(args)).toEqual(expected);
  });
});
