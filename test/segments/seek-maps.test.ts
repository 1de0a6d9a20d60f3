import { describe, expect, it } from 'vitest';
import { seekMaps } from '../../src/segments/seek-maps.js';

describe('R-AF-17 seekMaps: a one-input map an input-seek split carries', () => {
  it.each([
    [
      ['0:v:0', '0:a:1'],
      { video: '0:v:0', audio: ['1:a:1'], subtitles: [], attachments: false, needsOneVideoStream: false },
    ],
    [
      ['0:v', '0:a', '0:a:2?'],
      {
        video: '0:v',
        audio: ['1:a', '1:a:2?'],
        subtitles: [],
        attachments: false,
        needsOneVideoStream: true,
      },
    ],
    [['0:V'], { video: '0:V', audio: [], subtitles: [], attachments: false, needsOneVideoStream: false }],
    // a complex graph's output (segmentStructure checks it is a seekable graph's)
    [
      ['v', '0:a'],
      { video: 'v', audio: ['1:a'], subtitles: [], attachments: false, needsOneVideoStream: false },
    ],
    [
      ['0:v?', '0:a?'],
      { video: '0:v?', audio: ['1:a?'], subtitles: [], attachments: false, needsOneVideoStream: true },
    ],
    // subtitles after the audio (the join takes them from the input, `subtitlePlan`)
    [
      ['0:v', '0:a', '0:s', '0:s:1?'],
      {
        video: '0:v',
        audio: ['1:a'],
        subtitles: ['0:s', '0:s:1?'],
        attachments: false,
        needsOneVideoStream: true,
      },
    ],
    [
      ['0:V', '0:s:0'],
      { video: '0:V', audio: [], subtitles: ['0:s:0'], attachments: false, needsOneVideoStream: false },
    ],
    // every attachment last (a Matroska file's fonts: the join takes them from the input too)
    [
      ['0:v', '0:a', '0:s', '0:t'],
      { video: '0:v', audio: ['1:a'], subtitles: ['0:s'], attachments: true, needsOneVideoStream: true },
    ],
    [
      ['0:V', '0:t?'],
      { video: '0:V', audio: [], subtitles: [], attachments: true, needsOneVideoStream: false },
    ],
    // audio first (the join writes video first), two video entries, subtitles before audio, other
    // media, other inputs, stream indexes of unknown medium, metadata specifiers: after the
    // graph, as before
    [['0:a', '0:v'], undefined],
    [['0:v:0', '0:v:1'], undefined],
    [['0:v', '0:s', '0:a'], undefined],
    [['0:v', '0:d'], undefined],
    [['0:v', '0:t', '0:a'], undefined],
    [['0:v', '0:t:0'], undefined],
    [['0:t'], undefined],
    [['0:v', '1:s'], undefined],
    [['1:v', '0:a'], undefined],
    [['0:0', '0:1'], undefined],
    [['0', '0:a'], undefined],
    [['0:v:m:language:eng'], undefined],
    [[], undefined],
  ] as const)('%j → %j', (map, expected) => {
    expect(seekMaps(map)).toEqual(expected);
  });
});
