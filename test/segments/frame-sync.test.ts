import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { fillsFrameTimes } from '../../src/segments/frame-grid.js';
import { frameSync, unreadGlobals } from '../../src/segments/frame-sync.js';

// R-AF-17: whether FFmpeg fills an output to a constant rate decides where uneven frames are cut.

describe('R-AF-17 the frame sync a command asks for, and whether its output is filled', () => {
  it.each([
    ['MP4, the muxer deciding', '-i a.mp4 -c:v libx264 o.mp4', undefined, true],
    ['Matroska, the muxer deciding', '-i a.mp4 -c:v libx264 o.mkv', undefined, false],
    ['Matroska with -fps_mode cfr', '-i a.mp4 -fps_mode cfr -c:v libx264 o.mkv', 'cfr', true],
    ['Matroska with -fps_mode:v cfr', '-i a.mp4 -fps_mode:v cfr -c:v libx264 o.mkv', 'cfr', true],
    ['MP4 with -fps_mode vfr', '-i a.mp4 -fps_mode vfr -c:v libx264 o.mp4', 'vfr', false],
    ['MP4 with -vsync 0 (passthrough)', '-vsync 0 -i a.mp4 -c:v libx264 o.mp4', 'passthrough', false],
    ['Matroska with -vsync 1 (cfr)', '-vsync 1 -i a.mp4 -c:v libx264 o.mkv', 'cfr', true],
    ['MP4 with -vsync -1 (auto)', '-vsync -1 -i a.mp4 -c:v libx264 o.mp4', undefined, true],
    ['-fps_mode over -vsync', '-vsync cfr -i a.mp4 -fps_mode vfr -c:v libx264 o.mp4', 'vfr', false],
    ['-fps_mode drop', '-i a.mp4 -fps_mode drop -c:v libx264 o.mp4', 'drop', false],
  ] as const)('%s', (_name, line, sync, fills) => {
    const cmd = Command.parse(line);
    expect([frameSync(cmd), fillsFrameTimes(cmd)]).toEqual([sync, fills]);
  });

  it.each([
    [['-vsync', '2'], []],
    [
      ['-vsync', 'cfr', '-async', '1'],
      ['-async', '1'],
    ],
    [['-copyts'], ['-copyts']],
  ])('raw globals %j: the splitter cannot read %j', (raw, unread) => {
    expect(unreadGlobals(raw)).toEqual(unread);
  });
});
