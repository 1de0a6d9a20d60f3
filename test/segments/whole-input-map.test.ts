import { describe, expect, it } from 'vitest';
import { mapByKind } from '../../src/segments/whole-input-map.js';

// R-AF-17: `-map 0` named by the kinds of stream it selects, where that is the same selection in
// the same order, so a split can seek the input and the join take the subtitles from it. The runs
// that show it exact are in segments.test.ts.

describe('R-AF-17 mapByKind: -map 0 as 0:v, 0:a, 0:s, 0:t where the input’s streams come in that order', () => {
  it.each([
    [['0'], ['video', 'audio'], ['0:v', '0:a']],
    [['0'], ['video', 'audio', 'audio', 'subtitle', 'subtitle'], ['0:v', '0:a', '0:s']],
    [['0'], ['video', 'subtitle'], ['0:v', '0:s']],
    [['0'], ['video'], ['0:v']],
    // a Matroska file's fonts, last
    [['0'], ['video', 'audio', 'subtitle', 'attachment', 'attachment'], ['0:v', '0:a', '0:s', '0:t']],
    [['0'], ['video', 'attachment'], ['0:v', '0:t']],
    // another order, two videos (cover art too), other kinds, no video: as written
    [['0'], ['audio', 'video'], undefined],
    [['0'], ['video', 'subtitle', 'audio'], undefined],
    [['0'], ['video', 'video', 'audio'], undefined],
    [['0'], ['video', 'audio', 'data'], undefined],
    [['0'], ['video', 'attachment', 'audio'], undefined],
    [['0'], ['audio'], undefined],
    // any other map
    [['0', '1'], ['video', 'audio'], undefined],
    [['0:v'], ['video', 'audio'], undefined],
    [undefined, ['video', 'audio'], undefined],
  ] as [string[] | undefined, string[], string[] | undefined][])('%j over %j: %j', (map, kinds, expected) => {
    expect(mapByKind(map, kinds)).toEqual(expected);
  });
});
