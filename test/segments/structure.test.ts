import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { segmentStructure } from '../../src/segments/structure.js';

// R-AF-17: which graphs let the segments seek input 0 (pure: the command alone). The runs that
// show each choice exact are in segments.test.ts.

const mode = (argv: string) => {
  const cmd = Command.parse(`-y -i in.mp4 ${argv} -c:v libx264 -c:a aac out.mp4`);
  const structure = segmentStructure(cmd, cmd.toArgs());
  return 'reason' in structure ? structure.reason : structure.mode;
};

describe('R-AF-17 segmentStructure: filters frame-local only as their options leave them', () => {
  it.each([
    // drawtext: static text seeks; what expands the frame's number, the wall clock, a file (read
    // again), a frame count, a random draw, options by position go after the graph
    ["-vf drawtext=fontfile=f.ttf:text='ACME'", 'input-seek'],
    ["-vf drawtext=fontfile=f.ttf:text='Tn':x=10", 'input-seek'],
    ["-vf drawtext=fontfile=f.ttf:expansion=none:text='%{pts}'", 'input-seek'],
    // the frame's time, given back to a seeked segment's chain (see segments.test.ts)
    ["-vf drawtext=fontfile=f.ttf:text='%{pts}'", 'input-seek'],
    ["-vf drawtext=fontfile=f.ttf:text='%{n}'", 'output-seek'],
    ["-vf drawtext=fontfile=f.ttf:text='%{pts}%{frame_num}'", 'output-seek'],
    ["-vf drawtext=fontfile=f.ttf:text='%{localtime}'", 'output-seek'],
    ['-vf "drawtext=fontfile=f.ttf:text=a:fontcolor_expr=\'%{pict_type}\'"', 'output-seek'],
    ["-vf drawtext=fontfile=f.ttf:expansion=strftime:text='%H'", 'output-seek'],
    ['-vf drawtext=fontfile=f.ttf:textfile=words.txt', 'output-seek'],
    ['-vf drawtext=fontfile=f.ttf:textfile=words.txt:reload=1', 'output-seek'],
    ["-vf drawtext=fontfile=f.ttf:timecode='00\\:00\\:00\\:00':rate=25", 'output-seek'],
    ['-vf "drawtext=fontfile=f.ttf:text=a:x=\'rand(0,100)\'"', 'output-seek'],
    ['-vf "drawtext=fontfile=f.ttf:text=a:x=\'10*t\'"', 'input-seek'],
    ['-vf "drawtext=fontfile=f.ttf:text=a:x=\'10*n\'"', 'output-seek'],
    ['-vf drawtext=f.ttf:a', 'output-seek'],
    // colorspace: its Floyd-Steinberg dither carries its error on
    ['-vf colorspace=all=bt709', 'input-seek'],
    ['-vf colorspace=all=bt709:dither=none', 'input-seek'],
    ['-vf colorspace=all=bt709:dither=fsb', 'output-seek'],
    // read as other frame-local filters, with their time expressions
    ['-vf lut3d=file=grade.cube', 'input-seek'],
    ['-vf perspective=x0=10:eval=frame', 'input-seek'],
    ['-vf perspective=x0=n:eval=frame', 'output-seek'],
    // fade by time, by frame counts (given, or by default: no duration)
    ['-vf fade=t=in:st=0:d=1', 'input-seek'],
    ['-vf fade=out:st=3:d=1', 'input-seek'],
    ['-vf fade=in:0:25', 'output-seek'],
    ['-vf fade=t=in:s=0:n=25', 'output-seek'],
    ['-vf fade=t=in:st=1', 'output-seek'],
    // subtitles and ass burn in the events at each frame's time
    ['-vf subtitles=subs.srt', 'input-seek'],
    ['-vf subtitles=subs.srt:force_style=Fontsize=24', 'input-seek'],
    ['-vf ass=subs.ass', 'input-seek'],
    // a timeline by time, by frame number
    ['-vf "drawbox=w=10:h=10:enable=\'between(t,1,2)\'"', 'input-seek'],
    ['-vf "drawbox=w=10:h=10:enable=\'between(n,25,50)\'"', 'output-seek'],
    // a complex graph's chains are not given the clock back
    ["-filter_complex '[0:v]hue=h=t[v]' -map [v]", 'output-seek'],
    ['-vf sobel,edgedetect', 'output-seek'],
    // fps: a rate written out, rounding to the nearest, once in the chain
    ['-vf fps=24', 'input-seek'],
    ['-vf fps=fps=30000/1001', 'input-seek'],
    ['-vf scale=640:-2,fps=29.97:round=near,hue=h=t', 'input-seek'],
    ['-vf fps=23.9760', 'output-seek'],
    ['-vf fps=ntsc', 'output-seek'],
    ['-vf fps=source_fps/2', 'output-seek'],
    ['-vf fps=24:round=down', 'output-seek'],
    ['-vf fps=24:start_time=0', 'output-seek'],
    ['-vf fps=24:eof_action=pass', 'output-seek'],
    ['-vf fps=24:0', 'output-seek'],
    ['-vf fps=50,fps=25', 'output-seek'],
    ["-filter_complex '[0:v]fps=24[v]' -map [v]", 'output-seek'],
  ])('%s → %s', (argv, expected) => {
    expect(mode(argv)).toBe(expected);
  });
});

describe('R-AF-17 segmentStructure: still pictures laid over the video', () => {
  it.each([
    ["-i logo.png -filter_complex '[0:v][1:v]overlay=10:10[v]' -map [v] -map 0:a", 'input-seek'],
    ['-i logo.png -filter_complex overlay=W-w-10:10', 'input-seek'],
    ["-i logo.jpg -filter_complex '[1:v]scale=64:-1[l];[0:v][l]overlay=10:10[v]' -map [v]", 'input-seek'],
    ["-loop 1 -i logo.png -filter_complex '[0:v][1:v]overlay=10:10:shortest=1[v]' -map [v]", 'input-seek'],
    // looped without shortest=1 (runs on forever), with another rate, laid once but ended there
    ["-loop 1 -i logo.png -filter_complex '[0:v][1:v]overlay=10:10[v]' -map [v]", 'output-seek'],
    [
      "-loop 1 -framerate 5 -i logo.png -filter_complex '[0:v][1:v]overlay=shortest=1[v]' -map [v]",
      'input-seek',
    ],
    ["-i logo.png -filter_complex '[0:v][1:v]overlay=10:10:shortest=1[v]' -map [v]", 'output-seek'],
    ["-i logo.png -filter_complex '[0:v][1:v]overlay=10:10:eof_action=pass[v]' -map [v]", 'output-seek'],
    ["-i logo.png -filter_complex '[0:v][1:v]overlay=10:10:repeat[v]' -map [v]", 'output-seek'],
    ["-i logo.png -filter_complex '[0:v][1:v]overlay=x=t*10[v]' -map [v]", 'output-seek'],
    // not a still picture: a GIF, a sequence, a video, a seeked picture
    ["-i logo.gif -filter_complex '[0:v][1:v]overlay[v]' -map [v]", 'output-seek'],
    ["-i 'logo-%03d.png' -filter_complex '[0:v][1:v]overlay[v]' -map [v]", 'output-seek'],
    ["-i b.mp4 -filter_complex '[0:v][1:v]overlay[v]' -map [v]", 'output-seek'],
    ["-ss 1 -i logo.png -filter_complex '[0:v][1:v]overlay[v]' -map [v]", 'output-seek'],
    // a picture no graph lays: FFmpeg would choose between it and the video itself
    ['-i logo.png', 'output-seek'],
    ["-i logo.png -filter_complex '[0:v]scale=320:-2[v]' -map [v]", 'output-seek'],
  ])('%s → %s', (argv, expected) => {
    expect(mode(argv)).toBe(expected);
  });
});

describe('R-AF-17 segmentStructure: the sound of another file beside input 0’s video', () => {
  const structureOf = (argv: string) => {
    const cmd = Command.parse(`-y ${argv} -c:v libx264 -c:a aac out.mp4`);
    return segmentStructure(cmd, cmd.toArgs());
  };
  it.each([
    // seeks input 0; the first segment's audio output reads input 1 as the command has it
    ['-i v.mkv -i a.m4a -map 0:v -map 1:a', { mode: 'input-seek', audioInput: 1 }],
    ['-i v.mkv -i a.m4a -map 1:a:0 -map 0:V', { mode: 'input-seek', audioInput: 1 }],
    ['-i v.mkv -i a.m4a -map 0:v -map 1:a -vf scale=640:-2', { mode: 'input-seek', audioInput: 1 }],
    // a complex graph that is a -vf of input 0's video in all but name, its output mapped
    [
      "-i v.mkv -i a.m4a -filter_complex '[0:v]scale=640:-2,hflip[v]' -map [v] -map 1:a",
      { mode: 'input-seek', audioInput: 1 },
    ],
    [
      "-i v.mkv -i a.m4a -filter_complex 'scale=640:-2[v]' -map 1:a -map [v]",
      { mode: 'input-seek', audioInput: 1 },
    ],
    // a graph over both, input 0's own audio too, input 1's video, a third input: after the graph
    ['-i v.mkv -i a.m4a -map 0:v -map 1:a -vf fade=in:0:25', { mode: 'output-seek' }],
    ['-i v.mkv -i a.m4a -map 0:v -map 0:a -map 1:a', { mode: 'output-seek' }],
    ['-i v.mkv -i a.mp4 -map 1:v -map 0:a', { mode: 'output-seek' }],
    ['-i v.mkv -i a.m4a -i b.m4a -map 0:v -map 1:a', { mode: 'output-seek' }],
    // a graph that is not frame by frame, or draws the sound, or leaves its output unmapped
    ["-i v.mkv -i a.m4a -filter_complex '[0:v]tmix=frames=3[v]' -map [v] -map 1:a", { mode: 'output-seek' }],
    ["-i v.mkv -i a.m4a -filter_complex '[1:a]showwaves[v]' -map [v] -map 1:a", { mode: 'output-seek' }],
    ["-i v.mkv -i a.m4a -filter_complex '[0:v]scale=640:-2[v]' -map 0:v -map 1:a", { mode: 'output-seek' }],
    // the video between two of the sound's streams: the join writes the audio on one side of it
    ['-i v.mkv -i a.mp4 -map 1:a:0 -map 0:v -map 1:a:1', { mode: 'output-seek' }],
  ] as const)('%s: %j', (argv, expected) => {
    expect(structureOf(argv)).toEqual(expected);
  });
});

describe('R-AF-17 segmentStructure: raw output options', () => {
  // A parsed -filter:v turns raw once its output gets other options (see Command.mapOutputs): the
  // splitter reads it from the argv; any other raw option it cannot tell, and refuses.
  it.each([
    [['-filter:v', 'scale=640:-2'], 'input-seek'],
    [['-filter:v:0', 'hue=h=n/10'], 'output-seek'],
    [['-vf', 'hflip', '-filter:v', 'tmix=frames=3'], 'output-seek'],
    [['-filter:v', 'scale=640:-2', '-bf', '0'], 'raw options the splitter cannot classify'],
    [['-async', '1'], 'raw options the splitter cannot classify'],
  ] as const)('%j: %s', (raw, expected) => {
    const cmd = new Command({ y: true })
      .input('in.mp4')
      .output('out.mp4', { 'c:v': 'libx264', 'c:a': 'aac', raw: [...raw] });
    const structure = segmentStructure(cmd, cmd.toArgs());
    expect('reason' in structure ? structure.reason : structure.mode).toBe(expected);
  });
});
