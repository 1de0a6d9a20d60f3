import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { scratchContainers } from '../../src/segments/scratch-containers.js';

// R-AF-17: the containers a split's scratch files use, from the output's encoders and format.
describe('R-AF-17 scratch containers', () => {
  const cmd = (path: string, codecs: Record<string, string>) =>
    new Command().input('in.mp4').output(path, codecs);
  it.each([
    [
      'H.264 and AAC',
      cmd('o.mp4', { 'c:v': 'libx264', 'c:a': 'aac' }),
      false,
      { video: 'mov', audio: 'mov', audioExperimental: false },
    ],
    [
      'VP9 and Vorbis',
      cmd('o.webm', { 'c:v': 'libvpx-vp9', 'c:a': 'libvorbis' }),
      false,
      { video: 'mp4', audio: 'mov', audioExperimental: false },
    ],
    [
      'FLAC, experimental in MP4',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'flac' }),
      false,
      { video: 'mov', audio: 'mp4', audioExperimental: true },
    ],
    [
      'Opus into MP4',
      cmd('o.mp4', { 'c:v': 'libx264', 'c:a': 'libopus' }),
      false,
      { video: 'mov', audio: 'mp4', audioExperimental: false },
    ],
    [
      'Opus into Matroska',
      cmd('o.mkv', { 'c:v': 'libx264', 'c:a': 'libopus' }),
      false,
      { reason: expect.stringContaining("libopus's padding") },
    ],
    [
      'WebM’s own audio (Opus)',
      cmd('o.webm', { 'c:v': 'libvpx-vp9' }),
      false,
      { reason: expect.stringContaining("libopus's padding") },
    ],
    [
      'MP3 into WebM by -f',
      new Command().input('in.mp4').output('o.bin', { f: 'webm', 'c:v': 'libvpx-vp9', 'c:a': 'libmp3lame' }),
      false,
      { reason: expect.stringContaining("libmp3lame's padding") },
    ],
    [
      'VP8',
      cmd('o.webm', { 'c:v': 'libvpx', 'c:a': 'libvorbis' }),
      false,
      { reason: "the segments' MOV and MP4 containers cannot hold libvpx's video" },
    ],
    [
      'VP9 with PCM for the join',
      cmd('o.webm', { 'c:v': 'vp9', 'c:a': 'libvorbis' }),
      true,
      { reason: expect.stringContaining('cannot carry the PCM') },
    ],
  ] as const)('%s', (_name, command, pcm, expected) => {
    expect(scratchContainers(command, pcm)).toEqual(expected);
  });
});
