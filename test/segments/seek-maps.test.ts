import { describe, expect, it } from 'vitest';
import { seekMaps } from '../../src/segments/seek-maps.js';

describe('R-AF-17 seekMaps: a one-input map an input-seek split carries', () => {
  it.each([
    [['0:v:0', '0:a:1'], { video: '0:v:0', audio: ['1:a:1'], needsOneVideoStream: false }],
    [['0:v', '0:a', '0:a:2?'], { video: '0:v', audio: ['1:a', '1:a:2?'], needsOneVideoStream: true }],
    [['0:V'], { video: '0:V', audio: [], needsOneVideoStream: false }],
    // a complex graph's output (segmentStructure checks it is a seekable graph's)
    [['v', '0:a'], { video: 'v', audio: ['1:a'], needsOneVideoStream: false }],
    [['0:v?', '0:a?'], { video: '0:v?', audio: ['1:a?'], needsOneVideoStream: true }],
    // audio first (the join writes video first), two video entries, other media, other inputs,
    // stream indexes of unknown medium, metadata specifiers: after the graph, as before
    [['0:a', '0:v'], undefined],
    [['0:v:0', '0:v:1'], undefined],
    [['0:v', '0:s'], undefined],
    [['1:v', '0:a'], undefined],
    [['0:0', '0:1'], undefined],
    [['0', '0:a'], undefined],
    [['0:v:m:language:eng'], undefined],
    [[], undefined],
  ] as const)('%j → %j', (map, expected) => {
    expect(seekMaps(map)).toEqual(expected);
  });
});
