/**
 * The two jobs issue 11 (R-AF-17) names, as commands over the files of `bench/fixtures.ts`
 * (paths relative to the volume's root): W1, a 10 s 1280x720 H.264/AAC transcode to libx264
 * veryfast crf 23 + AAC 128k (split by input seeking), and the reel, five 1080x1920 PNG cards
 * crossfaded with three MP3s mixed under them, 12 s (split after the graph); and two variants of
 * W1 (a 2 s GOP source, and a logo laid over it). `bench:segments` times them;
 * `test/segments/issue-jobs.test.ts` checks the two split outputs against whole runs.
 */
import { Command } from 'afmpeg';

/** W1: `src720.mp4` -> `out.mp4`. */
export const w1 = new Command({ y: true, hide_banner: true })
  .input('src720.mp4')
  .output('out.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac', 'b:a': '128k' });

/**
 * W1 from a source with a keyframe every 2 s (`src720-gop2.mp4`, made with `makeFixtures`'
 * `optional`) -> `out-gop2.mp4`: the same job where a cut can land on or near a keyframe.
 */
export const w1Gop2 = new Command({ y: true, hide_banner: true })
  .input('src720-gop2.mp4')
  .output('out-gop2.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac', 'b:a': '128k' });

/**
 * W1 from the 2 s GOP source with a logo laid over it (`logo.png`, `makeFixtures`' `optional`)
 * -> `out-logo.mp4`: a watermark, split by seeking the video (the logo read as it is).
 */
export const w1Logo = new Command({ y: true, hide_banner: true })
  .input('src720-gop2.mp4')
  .input('logo.png')
  .rawGraph('[0:v][1:v]overlay=W-w-24:H-h-24[v]', ['v'])
  .output('out-logo.mp4', {
    map: ['v', '0:a'],
    'c:v': 'libx264',
    preset: 'veryfast',
    crf: 23,
    'c:a': 'aac',
    'b:a': '128k',
  });

/**
 * W1 from the 2 s GOP source brought to 24 fps (`-vf fps=24`) -> `out-fps.mp4`: a rate change,
 * split by seeking the video (each segment from a source frame, see `refilledRanges`).
 */
export const w1Fps = new Command({ y: true, hide_banner: true })
  .input('src720-gop2.mp4')
  .filter('fps', { fps: 24 })
  .output('out-fps.mp4', { 'c:v': 'libx264', preset: 'veryfast', crf: 23, 'c:a': 'aac', 'b:a': '128k' });

/**
 * W1 from the 2 s GOP source scaled and brought to 25 fps by the output's rate (`-vf
 * scale=1280:-2 -r 25`) -> `out-r25.mp4`: FFmpeg's own rate conversion, split by seeking, each
 * segment carrying its running count (see `rateCutsCarried`).
 */
export const w1Rate = new Command({ y: true, hide_banner: true })
  .input('src720-gop2.mp4')
  .filter('scale', { w: 1280, h: -2 })
  .output('out-r25.mp4', {
    'c:v': 'libx264',
    preset: 'veryfast',
    crf: 23,
    r: 25,
    'c:a': 'aac',
    'b:a': '128k',
  });

/** The reel: `card1..5.png`, `voice-1.mp3`, `voice-2.mp3`, `music.mp3` -> `reel.mp4`. */
export const segmentsReel = [1, 2, 3, 4, 5]
  .reduce(
    (c, n) => c.input(`card${n}.png`, { loop: 1, framerate: 25, t: 3 }),
    new Command({ y: true, hide_banner: true }),
  )
  .input('voice-1.mp3')
  .input('voice-2.mp3')
  .input('music.mp3')
  .rawGraph(
    [
      '[0:v][1:v]xfade=transition=fade:duration=0.5:offset=2.5[x1]',
      '[x1][2:v]xfade=transition=fade:duration=0.5:offset=5.0[x2]',
      '[x2][3:v]xfade=transition=fade:duration=0.5:offset=7.5[x3]',
      '[x3][4:v]xfade=transition=fade:duration=0.5:offset=10.0,format=yuv420p[v]',
      '[5:a]adelay=1000|1000[a1]',
      '[6:a]adelay=6000|6000[a2]',
      '[7:a]volume=0.3[bed]',
      '[a1][a2][bed]amix=inputs=3:duration=longest:normalize=0,afade=t=out:st=12:d=1,alimiter[a]',
    ].join(';'),
    ['v', 'a'],
  )
  .output('reel.mp4', { map: ['v', 'a'], 'c:v': 'libx264', preset: 'veryfast', 'c:a': 'aac', t: 12 });

/**
 * The jobs `bench:segments` and `bench:segments:span` time: those whose name contains `only`, or
 * one of its `|`-separated parts (`JOBS='W1 transcode|reel'`).
 */
export function benchJobs(only = process.env.JOBS ?? ''): { name: string; cmd: Command<string> }[] {
  const parts = only.split('|');
  return [
    { name: 'W1 transcode 10 s 720p', cmd: w1 },
    { name: 'W1 from a 2 s GOP source', cmd: w1Gop2 },
    { name: 'W1 with a logo, 2 s GOP source', cmd: w1Logo },
    { name: 'W1 into 24 fps, 2 s GOP source', cmd: w1Fps },
    { name: 'W1 at -r 25, 2 s GOP source', cmd: w1Rate },
    { name: 'reel 1080x1920 12 s', cmd: segmentsReel },
  ].filter((job) => parts.some((part) => job.name.includes(part)));
}
