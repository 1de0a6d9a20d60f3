import { describe, expect, it } from 'vitest';
import { audioSources, videoAndAudioOf } from '../../src/segments/join-stream-tags.js';

// R-AF-17: into Matroska the join gives each stream its source stream's tags and disposition; a
// map of one video and one input's audio says which those are. The runs are in segments.test.ts
// ("the sound of another file", "a map of the one input's streams").

describe('R-AF-17 videoAndAudioOf: one video stream, and the audio of one input', () => {
  it.each([
    [['0:v', '1:a'], { video: '0:v', videoFrom: 0, audioFrom: 1, audio: ['1:a'] }],
    [['1:a:0', '0:V'], { video: '0:V', videoFrom: 0, audioFrom: 1, audio: ['1:a:0'] }],
    [['0:a:1', '0:v', '0:a:0'], { video: '0:v', videoFrom: 0, audioFrom: 0, audio: ['0:a:1', '0:a:0'] }],
    [['1:v:0', '0:a?'], { video: '1:v:0', videoFrom: 1, audioFrom: 0, audio: ['0:a?'] }],
    [['v', '1:a'], { video: 'v', videoFrom: undefined, audioFrom: 1, audio: ['1:a'] }],
    // audio of two inputs, two videos, a video by index, no audio, subtitles beside
    [['0:v', '0:a', '1:a'], undefined],
    [['0:v', '1:v', '1:a'], undefined],
    [['0:v:1', '1:a'], undefined],
    [['0:v'], undefined],
    [['0:v', '1:a', '0:s'], undefined],
  ] as const)('%j: %j', (map, expected) => {
    expect(videoAndAudioOf(map)).toEqual(expected);
  });
});

describe('R-AF-17 audioSources: which of an input’s audio streams the output’s are', () => {
  it.each([
    // input 0's, as seekMaps reads the map
    [['0:v', '0:a'], 2, undefined, 0, [0, 1]],
    [['0:v', '0:a:1'], 2, undefined, 0, [1]],
    // another input's beside input 0's video, in any order
    [['0:v', '1:a'], 1, undefined, 1, [0]],
    [['1:a:1', '0:v'], 2, undefined, 1, [1]],
    [['0:a:1', '0:v'], 2, undefined, 0, [1]],
    // a map naming another input's audio than asked for
    [['0:v', '1:a'], 1, undefined, 2, undefined],
    // FFmpeg's own pick, or the only one
    [undefined, 3, 2, 0, [2]],
    [undefined, 1, undefined, 0, [0]],
    [undefined, 2, undefined, 0, undefined],
  ] as const)('%j over %i streams (pick %s) of input %i: %j', (map, count, chosen, from, expected) => {
    expect(audioSources(map, count, chosen, from)).toEqual(expected);
  });
});
