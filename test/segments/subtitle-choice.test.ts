import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { chosenSubtitle, type InputSubtitles, subtitlePlan } from '../../src/segments/subtitle-choice.js';

// R-AF-17: which subtitle stream FFmpeg 5.1's own choice puts into an output (ffmpeg_opt.c,
// "subtitles: pick first"), and whether a split's join can carry it. Checked against native
// FFmpeg 5.1 where noted; the runs that show the join carrying them exact are in segments.test.ts.

const command = (argv: string) => Command.parse(`-y ${argv}`);

describe('R-AF-17 chosenSubtitle: FFmpeg’s own choice of subtitles for an output without -map', () => {
  it.each([
    // MP4 (and QuickTime, MPEG-TS, AVI) names no subtitle codec: none unless -c:s names one
    // (native: a SubRip track into MP4 came out without it, with -c:s mov_text with it)
    ['-i a.mkv -c:v libx264 out.mp4', [['subrip']], 'none'],
    ['-i a.mkv -c:v libx264 -c:s mov_text out.mp4', [['subrip']], { input: 0, index: 0 }],
    ['-i a.mkv -c:v libx264 -scodec mov_text out.mov', [['subrip']], { input: 0, index: 0 }],
    ['-i a.mkv -c:v libx264 -c:s mov_text out.mp4', [[undefined]], { input: 0, index: 0 }],
    ['-i a.mkv -c:v libx264 -c:s mov_text -sn out.mp4', [['subrip']], 'none'],
    // Matroska encodes ASS, WebM WebVTT: text subtitles come unasked, pictures do not
    ['-i a.mkv -c:v libx264 out.mkv', [['subrip']], { input: 0, index: 0 }],
    ['-i a.mp4 -c:v libvpx-vp9 out.webm', [['mov_text']], { input: 0, index: 0 }],
    ['-i a.mkv -c:v libx264 out.mkv', [['hdmv_pgs_subtitle']], 'none'],
    ['-i a.mkv -c:v libx264 out.mkv', [['hdmv_pgs_subtitle', 'ass']], { input: 0, index: 1 }],
    ['-i a.mkv -c:v libx264 -c:s copy out.mkv', [['hdmv_pgs_subtitle', 'ass']], { input: 0, index: 0 }],
    // teletext is of neither kind: any default encoder takes it
    ['-i a.ts -c:v libx264 out.mkv', [['dvb_teletext']], { input: 0, index: 0 }],
    ['-i a.mkv -c:v libx264 -sn out.mkv', [['subrip']], 'none'],
    // the first input's first, across inputs; a filter source has none
    ['-i a.mkv -i b.mkv -c:v libx264 out.mkv', [[], ['subrip']], { input: 1, index: 0 }],
    ['-f lavfi -i testsrc -i b.mkv -c:v libx264 out.mkv', [undefined, ['ass']], { input: 1, index: 0 }],
    // what is not known here
    ['-i a.mkv -c:v libx264 out.mkv', [[undefined]], 'unknown'],
    ['-i a.mkv -c:v libx264 out.mkv', [undefined], 'unknown'],
    ['-i a.mkv -c:v libx264 out.nut', [['subrip']], 'unknown'],
    ['-i a.mkv -c:v libx264 out.nut', [[]], 'none'],
  ] as [string, InputSubtitles, unknown][])('%s over %j: %j', (argv, inputs, choice) => {
    expect(chosenSubtitle(command(argv), inputs)).toEqual(choice);
  });
});

describe('R-AF-17 subtitlePlan: the subtitles a split carries through its join, or why not', () => {
  const subrip = [['subrip']];
  const two = [['subrip', 'ass']];
  it.each([
    ['-i a.mkv -c:v libx264 out.mkv', subrip, [0], { carried: { input: 0, indices: [0] } }],
    ['-i a.mkv -c:v libx264 out.mp4', subrip, [0], {}],
    ['-i a.mkv -c:v libx264 out.mkv', [[]], [0], {}],
    // the join reads the input whole
    ['-i a.mkv -c:v libx264 -t 3 out.mkv', subrip, [0], 'not under an -ss'],
    ['-ss 1 -i a.mkv -c:v libx264 out.mkv', subrip, [0], 'not under an -ss'],
    ['-sseof -2 -i a.mkv -c:v libx264 out.mkv', subrip, [0], 'not under an -ss'],
    ['-i a.mkv -c:v libx264 -to 3 out.mkv', subrip, [0], 'not under an -ss'],
    ['-i a.mkv -c:v libx264 out.mkv', subrip, [1.4], 'starts after 0'],
    ['-i a.mkv -c:v libx264 out.mkv', subrip, [undefined], 'starts after 0'],
    // a map's subtitle entries after its video and audio, seeking input 0: each stream they name
    [
      '-i a.mkv -map 0:v -map 0:a -map 0:s -c:v libx264 out.mkv',
      two,
      [0],
      { carried: { input: 0, indices: [0, 1] } },
    ],
    [
      '-i a.mkv -map 0:v -map 0:s:1 -map 0:s:0 -c:v libx264 out.mp4',
      two,
      [0],
      { carried: { input: 0, indices: [1, 0] } },
    ],
    ['-i a.mkv -map 0:v -map 0:s:2? -c:v libx264 out.mkv', two, [0], {}],
    ['-i a.mkv -map 0:v -map 0:s? -c:v libx264 out.mkv', [[]], [0], {}],
    ['-i a.mkv -map 0:v -map 0:s -c:v libx264 -sn out.mkv', two, [0], {}],
    ['-i a.mkv -map 0:v -map 0:s -c:v libx264 -t 3 out.mkv', two, [0], 'not under an -ss'],
    // FFmpeg refuses an entry that matches nothing: run whole, where it says so
    ['-i a.mkv -map 0:v -map 0:s:2 -c:v libx264 out.mkv', two, [0], 'does not have'],
    ['-i a.mkv -map 0:v -map 0:s -c:v libx264 out.mkv', [[]], [0], 'does not have'],
    // a map naming only video and audio drops them as one run does; one that may name
    // subtitles otherwise is not followed
    ['-i a.mkv -map 0:v -map 0:a -c:v libx264 out.mkv', subrip, [0], {}],
    ['-i a.mkv -map 0 -c:v libx264 out.mkv', subrip, [0], 'would drop'],
    ['-i a.mkv -map 0 -c:v libx264 out.mkv', [[]], [0], {}],
    ['-i a.mkv -c:v libx264 out.mkv', [[undefined]], [0], 'would drop'],
  ] as [string, InputSubtitles, (number | undefined)[], object | string][])(
    '%s over %j starting at %j: %j',
    (argv, inputs, starts, expected) => {
      const plan = subtitlePlan(command(argv), inputs, starts, true);
      if (typeof expected === 'string') expect(plan).toEqual({ reason: expect.stringContaining(expected) });
      else expect(plan).toEqual(expected);
    },
  );

  it('a map’s subtitle entries after the graph (output-seek): not followed', () => {
    const cmd = command('-i a.mkv -map 0:v -map 0:a -map 0:s -c:v libx264 out.mkv');
    expect(subtitlePlan(cmd, [['subrip']], [0], false)).toEqual({
      reason: expect.stringContaining('would drop'),
    });
  });
});
