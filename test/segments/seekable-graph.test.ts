import { describe, expect, it } from 'vitest';
import { seekableGraph } from '../../src/segments/seekable-graph.js';

// R-AF-17: a complex graph that is a -vf in all but name lets the segments seek the input.

const local = new Set(['scale', 'hflip', 'crop', 'format']);
const isLocal = (chain: string) => chain.split(',').every((f) => local.has(f.split('=')[0] as string));
const graph = (...graphs: string[]) =>
  seekableGraph(['-i', 'in.mp4', ...graphs.flatMap((g) => ['-filter_complex', g]), 'o.mp4'], isLocal);

describe('R-AF-17 seekableGraph: a -vf written as -filter_complex', () => {
  it.each([
    [['[0:v]scale=320:-2[v]'], { output: 'v' }],
    [['[0:v]scale=320:-2,hflip[out]'], { output: 'out' }],
    [['[0:v:0]crop=100:100[v]'], { output: 'v' }],
    [['[0:V]scale=320:-2[v]'], { output: 'v' }],
    [['[0]scale=320:-2[v]'], { output: 'v' }],
    // unlabelled: FFmpeg binds it to the first unused video stream, input 0's
    [['scale=320:-2'], { output: undefined }],
    // another input's, or another stream of input 0
    [['[1:v]scale=320:-2[v]'], undefined],
    [['[0:v:1]scale=320:-2[v]'], undefined],
    // a filter the chain check refuses (hue=h=t reads the time, in the real check)
    [['[0:v]scale=320:-2,fade=in:0:25[v]'], undefined],
    // more than one chain, a graph's own sws_flags, two graphs
    [['[0:v]scale=320:-2[s];[s]hflip[v]'], undefined],
    [['[0:v]split[a][b];[a][b]hstack[v]'], undefined],
    [['sws_flags=bicubic;[0:v]scale=320:-2[v]'], undefined],
    [['[0:v]scale=320:-2[v]', '[0:a]volume=2[a]'], undefined],
    [[], undefined],
  ] as const)('%j → %j', (graphs, expected) => {
    expect(graph(...graphs)).toEqual(expected);
  });
});
