import { describe, expect, it } from 'vitest';
import { lavfiStreams } from '../../src/segments/lavfi-streams.js';

// R-AF-17: a `-f lavfi` input is never probed; a map taking it whole is counted from its graph.

describe('R-AF-17 lavfiStreams: the streams of a medium a lavfi input makes', () => {
  it.each([
    ['testsrc2=size=320x240:rate=25:duration=4', 'video', 1],
    ['testsrc2=size=320x240:rate=25:duration=4', 'audio', 0],
    ['sine=frequency=440:duration=4', 'video', 0],
    ['sine=frequency=440:duration=4', 'audio', 1],
    ['color=c=red:size=64x64,format=gray', 'video', 1],
    ['no-such-filter=1', 'video', undefined],
  ] as const)('%s: %s %s', (graph, medium, expected) => {
    expect(lavfiStreams(graph, medium)).toBe(expected);
  });
});
