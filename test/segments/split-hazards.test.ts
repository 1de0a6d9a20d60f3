import { describe, expect, it } from 'vitest';
import { takesAttachments, takesManyVideos } from '../../src/segments/split-hazards.js';

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
