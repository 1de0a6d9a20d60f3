import { describe, expect, it } from 'vitest';
import type { ParsedFilter } from '../../src/builder/index.js';
import { type Picture, seekableGraph } from '../../src/segments/seekable-graph.js';

// R-AF-17: a complex graph that is a -vf in all but name, or lays still pictures over one, lets
// the segments seek input 0.

const local = new Set(['scale', 'hflip', 'crop', 'format']);
// Stands in for the real check (filter-locality.ts): an overlay is local over a picture laid once.
const isLocal = (f: ParsedFilter, over?: Picture) =>
  over ? f.name === 'overlay' && over === 'once' : local.has(f.name);
const graph = (pictures: ReadonlyMap<number, Picture>, ...graphs: string[]) =>
  seekableGraph(
    ['-i', 'in.mp4', ...graphs.flatMap((g) => ['-filter_complex', g]), 'o.mp4'],
    isLocal,
    pictures,
  );
const none = new Map<number, Picture>();
const logo = new Map<number, Picture>([[1, 'once']]);

describe('R-AF-17 seekableGraph: a -vf written as -filter_complex', () => {
  it.each([
    [['[0:v]scale=320:-2[v]'], { output: 'v', bindsPictureItself: false }],
    [['[0:v]scale=320:-2,hflip[out]'], { output: 'out', bindsPictureItself: false }],
    [['[0:v:0]crop=100:100[v]'], { output: 'v', bindsPictureItself: false }],
    [['[0:V]scale=320:-2[v]'], { output: 'v', bindsPictureItself: false }],
    [['[0]scale=320:-2[v]'], { output: 'v', bindsPictureItself: false }],
    // unlabelled: FFmpeg binds it to the first unused video stream, input 0's
    [['scale=320:-2'], { output: undefined, bindsPictureItself: false }],
    // two chains, each frame by frame
    [['[0:v]scale=320:-2[s];[s]hflip[v]'], { output: 'v', bindsPictureItself: false }],
    // another input's, or another stream of input 0
    [['[1:v]scale=320:-2[v]'], undefined],
    [['[0:v:1]scale=320:-2[v]'], undefined],
    // a filter the chain check refuses (hue=h=t reads the time, in the real check)
    [['[0:v]scale=320:-2,fade=in:0:25[v]'], undefined],
    [['[0:v]split[a][b];[a][b]hstack[v]'], undefined],
    // a graph's own sws_flags, two graphs, a label read twice, a cycle, two open outputs
    [['sws_flags=bicubic;[0:v]scale=320:-2[v]'], undefined],
    [['[0:v]scale=320:-2[v]', '[0:a]volume=2[a]'], undefined],
    [['[0:v]scale=320:-2[s];[s]hflip[v];[s]crop=10:10[w]'], undefined],
    [['[0:v][b]overlay[a];[a]hflip[b]'], undefined],
    [['[0:v]scale=320:-2[v];[0:v:0]hflip[w]'], undefined],
    [[], undefined],
  ] as const)('%j → %j', (graphs, expected) => {
    expect(graph(none, ...graphs)).toEqual(expected);
  });
});

describe('R-AF-17 seekableGraph: still pictures laid over input 0’s video', () => {
  it.each([
    [logo, ['[0:v][1:v]overlay=10:10[v]'], { output: 'v', bindsPictureItself: false }],
    [logo, ['[0:v][1]overlay=10:10,format=yuv420p[v]'], { output: 'v', bindsPictureItself: false }],
    [logo, ['[1:v]scale=64:-1[l];[0:v][l]overlay=10:10[v]'], { output: 'v', bindsPictureItself: false }],
    [
      logo,
      ['[0:v]scale=640:-2[m];[1:v]hflip[l];[m][l]overlay=10:10[v]'],
      { output: 'v', bindsPictureItself: false },
    ],
    // two logos, one over the other's result
    [
      new Map<number, Picture>([
        [1, 'once'],
        [2, 'once'],
      ]),
      ['[0:v][1:v]overlay=10:10[a];[a][2:v]overlay=100:10[v]'],
      { output: 'v', bindsPictureItself: false },
    ],
    // unlabelled: FFmpeg gives the second pad the next unused video stream (the picture's only
    // where input 0 has one: the caller checks)
    [logo, ['overlay=10:10'], { output: undefined, bindsPictureItself: true }],
    // the picture under the video, a picture left unlaid, an input that is no picture
    [logo, ['[1:v][0:v]overlay=10:10[v]'], undefined],
    [logo, ['[0:v]scale=320:-2[v]'], undefined],
    [none, ['[0:v][1:v]overlay=10:10[v]'], undefined],
    [none, ['overlay=10:10'], undefined],
    // the overlay check refuses (here: a looped picture)
    [new Map<number, Picture>([[1, 'looped']]), ['[0:v][1:v]overlay=10:10[v]'], undefined],
    // a picture's chain is checked as any other
    [logo, ['[1:v]fade=in:0:5[l];[0:v][l]overlay=10:10[v]'], undefined],
    // the output is the picture's
    [logo, ['[1:v]scale=64:-1[v]'], undefined],
  ] as const)('%o %j → %j', (pictures, graphs, expected) => {
    expect(graph(pictures, ...graphs)).toEqual(expected);
  });
});
