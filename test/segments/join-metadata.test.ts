import { describe, expect, it } from 'vitest';
import { Command } from '../../src/builder/index.js';
import { chaptersInput, metadataSource } from '../../src/segments/join-metadata.js';

describe('R-AF-17 metadataSource: where the join reads the global metadata one run writes', () => {
  it.each([
    // the first input's, into a container that holds what QuickTime holds: the scratch files
    ['-i a.mp4 -c:v libx264 out.mp4', { kind: 'scratch' }],
    ['-i a.mkv -c:v libx264 -map_metadata 0 out.mov', { kind: 'scratch' }],
    ['-i a.mp4 -c:v libx264 -map_metadata 0:g out.mp4', { kind: 'scratch' }],
    // into Matroska, which writes every tag: the input itself
    ['-i a.mp4 -c:v libx264 out.mkv', { kind: 'input', index: 0 }],
    ['-i a.mkv -c:v libvpx-vp9 out.webm', { kind: 'input', index: 0 }],
    ['-i a.mp4 -c:v libx264 -f matroska out.bin', { kind: 'input', index: 0 }],
    // another input named: that input, whatever the container
    ['-i a.mp4 -i meta.txt -map_metadata 1 -c:v libx264 out.mp4', { kind: 'input', index: 1 }],
    ['-i a.mp4 -f ffmetadata -i meta -map_metadata 1:g -c:v libx264 out.mp4', { kind: 'input', index: 1 }],
    // a filter source has none
    ['-i a.mp4 -f lavfi -i sine -map_metadata 1 -c:v libx264 out.mp4', { kind: 'none' }],
    ['-f lavfi -i testsrc2 -c:v libx264 out.mkv', { kind: 'scratch' }],
    // dropped, a stream's or an input that is not there: the command's own, passed on
    ['-i a.mp4 -map_metadata -1 -c:v libx264 out.mkv', { kind: 'own' }],
    ['-i a.mp4 -map_metadata 0:s:0 -c:v libx264 out.mp4', { kind: 'own' }],
    ['-i a.mp4 -map_metadata 3 -c:v libx264 out.mp4', { kind: 'own' }],
  ] as const)('%s → %j', (line, expected) => {
    expect(metadataSource(Command.parse(line))).toEqual(expected);
  });
});

describe('R-AF-17 chaptersInput: the input a -map_chapters names', () => {
  it.each([
    ['-i a.mkv -i ch.txt -map_chapters 1 -c:v libx264 out.mp4', 1],
    ['-i a.mkv -map_chapters 0 -c:v libx264 out.mkv', 0],
    // dropped, or left to FFmpeg (the first input that has chapters): nothing named
    ['-i a.mkv -map_chapters -1 -c:v libx264 out.mp4', undefined],
    ['-i a.mkv -i ch.txt -c:v libx264 out.mp4', undefined],
  ] as const)('%s → %s', (line, expected) => {
    expect(chaptersInput(Command.parse(line))).toBe(expected);
  });
});
