import { describe, expect, it } from 'vitest';
import { audioEncoderName } from '../../src/segments/join-stream-tags.js';

// R-AF-17: the encoder a split's first segment names for its audio file (output #1), read from
// FFmpeg 5.1's stream mapping (`print_stream_maps`: `native` where the encoder's name is the
// codec's), for the join's `encoder` tag into Matroska. Lines as FFmpeg prints them.

describe('R-AF-17 audioEncoderName: the first segment’s audio encoder, from its stream mapping', () => {
  it.each([
    ['  Stream #1:1 -> #1:0 (aac (native) -> aac (native))', 'aac'],
    ['  Stream #1:1 -> #1:0 (pcm_s16le (native) -> opus (libopus))', 'libopus'],
    [
      '  Stream #0:0 -> #0:0 (h264 (native) -> h264 (libx264))\n  Stream #1:1 -> #1:0 (flac (native) -> mp3 (libmp3lame))\nPress [q] to stop',
      'libmp3lame',
    ],
    // after a complex graph: the encoder's own name
    ['  [0:a]volume=2[a] -> Stream #1:0 (aac)', 'aac'],
    // copied, the video's line only, nothing printed (a quieter log level)
    ['  Stream #1:1 -> #1:0 (copy)', undefined],
    ['  Stream #0:0 -> #0:0 (h264 (native) -> h264 (libx264))', undefined],
    ['', undefined],
  ])('%j: %s', (stderr, name) => {
    expect(audioEncoderName(stderr)).toBe(name);
  });
});
