import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { scratchContainers } from '../../src/segments/scratch-containers.js';

// R-AF-17: the containers of a split's scratch files and the audio encoder they name, from the
// output's encoders and format.
describe('R-AF-17 scratch containers', () => {
  const cmd = (path: string, codecs: Record<string, string>) =>
    new Command().input('in.mp4').output(path, codecs);
  const plain = { audioOptions: [], joinCopiesTimestamps: false };
  const inMatroska = (audioEncoder: string, audioOptions: readonly string[], writtenAheadMs: number) => ({
    audio: 'matroska',
    audioOptions,
    joinCopiesTimestamps: true,
    audioEnds: { writtenAheadMs },
    audioEncoder,
  });
  const opusAhead = ['-output_ts_offset', '0.0065'];
  it.each([
    [
      'H.264 and AAC',
      cmd('o.mp4', { 'c:v': 'libx264', 'c:a': 'aac' }),
      'first-segment',
      { video: 'mov', audio: 'mov', ...plain, audioEncoder: 'aac' },
    ],
    [
      'VP9 and Vorbis',
      cmd('o.webm', { 'c:v': 'libvpx-vp9', 'c:a': 'libvorbis' }),
      'first-segment',
      { video: 'mp4', audio: 'mov', ...plain, audioEncoder: 'libvorbis' },
    ],
    [
      'FLAC, experimental in MP4',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'flac' }),
      'first-segment',
      {
        video: 'mov',
        audio: 'mp4',
        audioOptions: ['-strict', 'experimental'],
        joinCopiesTimestamps: false,
        audioEncoder: 'flac',
      },
    ],
    [
      'Opus into MP4',
      cmd('o.mp4', { 'c:v': 'libx264', 'c:a': 'libopus' }),
      'first-segment',
      { video: 'mov', audio: 'mp4', ...plain, audioEncoder: 'libopus' },
    ],
    [
      'Opus into Matroska',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'libopus' }),
      'first-segment',
      { video: 'mov', ...inMatroska('libopus', opusAhead, 7) },
    ],
    [
      'MP3 into WebM by -f',
      new Command().input('in.mp4').output('o.bin', { f: 'webm', 'c:v': 'libvpx-vp9', 'c:a': 'libmp3lame' }),
      'first-segment',
      { video: 'mp4', ...inMatroska('libmp3lame', ['-avoid_negative_ts', 'disabled'], 0) },
    ],
    [
      'Opus into Matroska, encoded by the join from PCM',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'libopus' }),
      'join',
      { video: 'mov', audio: 'mp4', ...plain, audioEncoder: 'libopus' },
    ],
    // No -c:a: the encoder FFmpeg picks for the output, named for the scratch file.
    [
      'Matroska’s own audio (Vorbis)',
      cmd('o.mkv', { 'c:v': 'libx264' }),
      'first-segment',
      { video: 'mov', audio: 'mov', ...plain, audioEncoder: 'libvorbis' },
    ],
    [
      'WebM’s own audio (Opus)',
      cmd('o.webm', { 'c:v': 'libvpx-vp9' }),
      'first-segment',
      { video: 'mp4', ...inMatroska('libopus', opusAhead, 7) },
    ],
    [
      'MPEG-TS’s own audio (MP2)',
      cmd('o.ts', { 'c:v': 'libx264' }),
      'first-segment',
      { video: 'mov', audio: 'mov', ...plain, audioEncoder: 'mp2' },
    ],
    [
      'an output whose audio encoder is not known',
      cmd('o.mxf', { 'c:v': 'mpeg2video' }),
      'first-segment',
      { reason: expect.stringContaining('name it with c:a') },
    ],
    [
      'the same, encoded by the join',
      cmd('o.mxf', { 'c:v': 'mpeg2video' }),
      'join',
      { video: 'mov', audio: 'mov', ...plain },
    ],
    [
      'AAC copied from an MP4',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'copy' }),
      'first-segment',
      {
        video: 'mov',
        audio: 'mp4',
        audioOptions: ['-strict', 'experimental'],
        joinCopiesTimestamps: false,
        audioEncoder: 'copy',
      },
    ],
    [
      'PCM copied from a .mov',
      new Command().input('in.MOV').output('o.mov', { 'c:v': 'libx264', 'c:a': 'copy' }),
      'first-segment',
      { video: 'mov', audio: 'mov', ...plain, audioEncoder: 'copy' },
    ],
    // Neither QuickTime nor MP4 holds VP8: IVF does.
    [
      'VP8',
      cmd('o.webm', { 'c:v': 'libvpx', 'c:a': 'libvorbis' }),
      'first-segment',
      { video: 'ivf', audio: 'mov', ...plain, audioEncoder: 'libvorbis' },
    ],
    [
      'VP8 with PCM for the join',
      cmd('o.webm', { 'c:v': 'libvpx', 'c:a': 'libvorbis' }),
      'join',
      {
        reason: "libvpx's segments go into IVF, which cannot carry the PCM audio they would take to the join",
      },
    ],
    [
      'VP9 with PCM for the join',
      cmd('o.webm', { 'c:v': 'vp9', 'c:a': 'libvorbis' }),
      'join',
      { reason: expect.stringContaining('cannot carry the PCM') },
    ],
  ] as const)('%s', (_name, command, where, expected) => {
    expect(scratchContainers(command, where)).toEqual(expected);
  });

  it('audio copied from a Matroska source rides in Matroska, which keeps its millisecond times', () => {
    const copying = new Command().input('in.mkv').output('o.mkv', { 'c:v': 'libx264', 'c:a': 'copy' });
    const matroska = { video: 'mov', audio: 'matroska', audioOptions: [], joinCopiesTimestamps: false };
    expect(scratchContainers(copying, 'first-segment', { matroska: true, startSeconds: 0 })).toEqual({
      ...matroska,
      audioEncoder: 'copy',
    });
    // Opus read back from it comes its codec delay early (the file's start): the join moves it.
    expect(scratchContainers(copying, 'first-segment', { matroska: true, startSeconds: -0.0065 })).toEqual({
      ...matroska,
      audioEncoder: 'copy',
      audioReadOffset: 0.0065,
    });
    expect(scratchContainers(copying, 'first-segment')).toMatchObject({ audio: 'mp4' });
  });
});
