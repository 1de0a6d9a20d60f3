import { createEngine, type Engine, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matroskaCodecDelayNs } from '../../src/segments/matroska-codec-delay.js';

// R-AF-17: the CodecDelay a split's Matroska scratch audio declares, which the join takes back
// (`AudioEnds`): ffprobe does not show it.
describe('R-AF-17 a Matroska file’s codec delay', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it.each([
    [
      'a 3-byte CodecDelay (6.5 ms)',
      bytes(0x1a, 0x45, 0x56, 0xaa, 0x83, 0x63, 0x2e, 0xa0, 0x1f, 0x43, 0xb6, 0x75),
      6_500_000,
    ],
    ['a 1-byte one', bytes(0x56, 0xaa, 0x81, 0x07), 7],
    ['its size written in two bytes', bytes(0x56, 0xaa, 0x40, 0x02, 0x01, 0x00), 256],
    ['none before the first Cluster', bytes(0x1f, 0x43, 0xb6, 0x75, 0x56, 0xaa, 0x81, 0x07), 0],
    ['none at all', bytes(0x1a, 0x45, 0xdf, 0xa3), 0],
    ['a size past 8 bytes', bytes(0x56, 0xaa, 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0],
  ])('%s', (_name, file, ns) => {
    expect(matroskaCodecDelayNs(file)).toBe(ns);
  });

  let engine: Engine;
  const vol = new Volume();
  beforeAll(() => {
    engine = createEngine({ concurrency: 1 });
  });
  afterAll(() => engine.close());

  // As FFmpeg's Matroska muxer writes it: the encoder's delay in 48 kHz samples, as ns.
  it.each([
    ['libopus', ['-c:a', 'libopus'], 6_500_000],
    ['libopus at low delay', ['-c:a', 'libopus', '-application', 'lowdelay'], 2_500_000],
    [
      'libopus at 16 kHz (its 104 samples taken as 48 kHz ones)',
      ['-c:a', 'libopus', '-ar', '16000'],
      2_166_667,
    ],
    ['LAME (its priming is in the timestamps)', ['-c:a', 'libmp3lame'], 0],
  ])('%s, written by FFmpeg', async (_name, encoder, ns) => {
    const r = await engine.run(vol, [
      ...['-y', '-f', 'lavfi', '-i', 'sine=sample_rate=48000:duration=1', ...encoder, '/a.mka'],
    ]);
    expect(r.exitCode).toBe(0);
    expect(matroskaCodecDelayNs(new Uint8Array(vol.readFileSync('/a.mka') as Uint8Array))).toBe(ns);
  });
});
