import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { audioApart, mixesVideoFileAudio } from '../../src/segments/audio-apart.js';

// R-AF-17: an output-seek split encodes the audio once, in its first segment, when the audio can
// be told apart from the video: the later segments then run the graph without the audio chains.

const cards = new Command().input('a.png', { loop: 1 }).input('b.png', { loop: 1 }).input('music.mp3');
const fade = '[0:v][1:v]xfade=duration=0.5:offset=1.5,format=yuv420p';
const apart = (cmd: Command<string>) => audioApart(cmd, cmd.toArgs());

describe('R-AF-17 the audio of an output-seek split, told apart from the video', () => {
  it.each([
    [
      'labelled video and audio chains',
      cards
        .rawGraph(`${fade}[v];[2:a]volume=0.5[m];[m]afade=t=out:st=3:d=1[a]`, ['v', 'a'])
        .output('o.mp4', { map: ['v', 'a'] }),
      { videoMap: ['v'], audioMap: ['a'], videoGraph: `${fade}[v]`, audioFirst: false },
    ],
    [
      "the builder's graph: unlabelled video, a named audio chain",
      cards
        .filter('xfade', { duration: 0.5, offset: 1.5 })
        .graph((g) => ({ mix: g.input(2).audio.filter('volume', { volume: 0.5 }) }))
        .output('o.mp4', { map: ['mix'] }),
      {
        videoMap: [],
        audioMap: ['mix'],
        videoGraph: '[0:v][1:v]xfade=duration=0.5:offset=1.5',
        audioFirst: false,
      },
    ],
    [
      'audio straight from an input: the graph stays whole',
      cards.rawGraph(`${fade}[v]`, ['v']).output('o.mp4', { map: ['v', '2:a?'] }),
      { videoMap: ['v'], audioMap: ['2:a?'], videoGraph: undefined, audioFirst: false },
    ],
    [
      'no graph, streams mapped from inputs',
      new Command()
        .input('a.mp4')
        .input('b.mp3')
        .output('o.mp4', { map: ['0:v:0', '1:a'] }),
      { videoMap: ['0:v:0'], audioMap: ['1:a'], videoGraph: undefined, audioFirst: false },
    ],
    [
      'sws_flags stay with the video',
      cards
        .rawGraph(`sws_flags=bicubic;${fade}[v];[2:a]volume=0.5[a]`, ['v', 'a'])
        .output('o.mp4', { map: ['v', 'a'] }),
      { videoMap: ['v'], audioMap: ['a'], videoGraph: `sws_flags=bicubic;${fade}[v]`, audioFirst: false },
    ],
    [
      'escaped text in a kept chain, written back as it was',
      cards
        .rawGraph("[0:v]drawtext=text='a\\, b':x=1[t];[t][1:v]overlay[v];[2:a]volume=0.5[a]", ['t', 'v', 'a'])
        .output('o.mp4', { map: ['v', 'a'] }),
      {
        videoMap: ['v'],
        audioMap: ['a'],
        videoGraph: "[0:v]drawtext=text='a\\, b':x=1[t];[t][1:v]overlay[v]",
        audioFirst: false,
      },
    ],
    [
      'no map and no complex graph: FFmpeg chooses each medium, in a segment as in one run',
      new Command().input('a.mp4').output('o.mp4', {}),
      { videoMap: undefined, audioMap: undefined, videoGraph: undefined, audioFirst: false },
    ],
    // The join writes the audio first too (checked: audio, audio, video whole; the join had
    // written video, audio, audio).
    [
      'audio mapped before the video',
      new Command().input('a.mp4').output('o.mp4', { map: ['0:a', '0:a:1', '0:v'] }),
      { videoMap: ['0:v'], audioMap: ['0:a', '0:a:1'], videoGraph: undefined, audioFirst: true },
    ],
    [
      'no audio mapped',
      cards.rawGraph(`${fade}[v]`, ['v']).output('o.mp4', { map: ['v'] }),
      { videoMap: ['v'], audioMap: [], videoGraph: undefined, audioFirst: false },
    ],
  ] as const)('%s', (_what, cmd, expected) => {
    expect(apart(cmd)).toEqual(expected);
  });

  it.each([
    [
      'no map with a complex graph: its unlabelled outputs go to the first output file only',
      cards.rawGraph(`${fade};[2:a]volume=0.5`).output('o.mp4', {}),
    ],
    ['a map entry of every stream of an input', new Command().input('a.mp4').output('o.mp4', { map: ['0'] })],
    [
      'video between two audio streams: the join writes one medium after the other',
      new Command().input('a.mp4').output('o.mp4', { map: ['0:a:0', '0:v', '0:a:1'] }),
    ],
    [
      '-shortest: the audio ends with the video',
      cards.rawGraph(`${fade}[v]`, ['v']).output('o.mp4', { map: ['v', '2:a'], shortest: true }),
    ],
    [
      'audio drawn into the picture (showwaves)',
      cards
        .rawGraph('[2:a]asplit[a][w];[w]showwaves=s=320x80[waves];[0:v][waves]overlay[v]', ['a', 'v'])
        .output('o.mp4', { map: ['v', 'a'] }),
    ],
    [
      'audio and video joined in one filter (concat)',
      new Command()
        .input('a.mp4')
        .input('b.mp4')
        .rawGraph('[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]', ['v', 'a'])
        .output('o.mp4', { map: ['v', 'a'] }),
    ],
    [
      'an audio chain through a filter whose pads are unknown',
      cards.rawGraph(`${fade}[v];[2:a]no_such_filter[a]`, ['v', 'a']).output('o.mp4', { map: ['v', 'a'] }),
    ],
  ] as const)('cannot: %s', (_what, cmd) => {
    expect(apart(cmd)).toBeUndefined();
  });
});

// FFmpeg reads a file at the pace of the video it encodes from it; a mix of that file's audio
// ends where that pace lets it, which a segment (its video stopping at the cut) does not repeat.
describe('R-AF-17 a graph that mixes the audio of a file whose video is encoded too', () => {
  const clipAndSongs = new Command().input('clip.mp4').input('a.mp3').input('b.mp3');
  const mixes = (cmd: Command<string>) => mixesVideoFileAudio(cmd, cmd.toArgs());
  it.each([
    [
      "the clip's own sound mixed with a song",
      clipAndSongs.rawGraph('[0:a][1:a]amix=inputs=2[a]', ['a']).output('o.mp4', { map: ['0:v', 'a'] }),
      true,
    ],
    [
      'through a filter before the mix',
      clipAndSongs
        .rawGraph('[0:a]volume=0.5[q];[1:a][q]amerge=inputs=2[a]', ['a'])
        .output('o.mp4', { map: ['0:v', 'a'] }),
      true,
    ],
    [
      'two songs mixed under the clip’s video',
      clipAndSongs.rawGraph('[1:a][2:a]amix=inputs=2[a]', ['a']).output('o.mp4', { map: ['0:v', 'a'] }),
      false,
    ],
    [
      "the clip's own sound through one filter",
      clipAndSongs.rawGraph('[0:a]volume=0.5[a]', ['a']).output('o.mp4', { map: ['0:v', 'a'] }),
      false,
    ],
    [
      'still cards crossfaded, songs mixed (the reel)',
      cards
        .input('b.mp3')
        .rawGraph(`${fade}[v];[2:a][3:a]amix=inputs=2[a]`, ['v', 'a'])
        .output('o.mp4', { map: ['v', 'a'] }),
      false,
    ],
    [
      'two songs mixed, no map (FFmpeg takes the best video of all the inputs)',
      clipAndSongs.rawGraph('[1:a][2:a]amix=inputs=2', []).output('o.mp4'),
      true,
    ],
  ] as const)('%s: %s', (_name, cmd, want) => {
    expect(mixes(cmd)).toBe(want);
  });
});
