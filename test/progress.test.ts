import { Command, createEngine, type Engine, type Progress, runCommand, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Progress from FFmpeg's -progress stream, its percentage of the length the command itself gives
// its output: right even when the first input is a still image (whose own Duration: is 0.04 s).
let engine: Engine;
const vol = new Volume();
const quiet = { y: true, hide_banner: true, loglevel: 'error' } as const;

beforeAll(async () => {
  engine = createEngine({ concurrency: 2 });
  vol.mkdirSync('/in', { recursive: true });
  await Promise.all([
    runCommand(
      vol,
      new Command(quiet)
        .lavfiInput('color', { c: 'yellow', s: '16x16' })
        .output('/in/card.png', { 'frames:v': 1 }),
      { engine },
    ),
    runCommand(
      vol,
      new Command(quiet)
        .lavfiInput('testsrc2', { size: '96x64', rate: 25, duration: 6 })
        .lavfiInput('sine', { frequency: 330, sample_rate: 22050, duration: 6 })
        .output('/in/clip.mp4', { 'c:v': 'libx264', preset: 'ultrafast', pix_fmt: 'yuv420p', 'c:a': 'aac' }),
      { engine },
    ),
  ]);
});
afterAll(() => engine?.close());

describe('R-AF-20 progress percent from the command, read from -progress', () => {
  it('a graph whose first input is an image: percent within 5 % of the real position, at -loglevel error', async () => {
    const cmd = new Command({ ...quiet, stats_period: 0.1 })
      .input('/in/card.png', { loop: 1 })
      .input('/in/clip.mp4')
      .graph((g) => ({
        v: g.filter('overlay', [g.input(1).video, g.input(0).video], { x: 4, y: 4, shortest: true }),
      }))
      .output('/out.mp4', { map: ['v', '1:a'], 'c:v': 'libx264', preset: 'ultrafast', 'c:a': 'aac' });
    expect(cmd.expectedDuration()).toBeUndefined(); // the looped image never ends, the clip is unknown
    const reports: Progress[] = [];
    const stderr: string[] = [];
    await runCommand(vol, cmd, {
      engine,
      probeInputs: true,
      onProgress: (p) => reports.push(p),
      onStderr: (line) => stderr.push(line),
    });
    const actual = (await engine.probe(vol, '/out.mp4')).format.duration ?? 0;
    expect(actual).toBeGreaterThan(5.9);
    expect(reports.length).toBeGreaterThan(2);
    for (const p of reports) {
      expect(p.percent).toBeDefined();
      expect(Math.abs((p.percent ?? 0) - ((p.timeSeconds ?? 0) / actual) * 100)).toBeLessThanOrEqual(5);
    }
    const last = reports.at(-1);
    expect(last?.done).toBe(true);
    expect(last?.percent).toBeGreaterThanOrEqual(95);
    // Percentages only grow, and there were reports before the end.
    expect(reports.map((p) => p.percent)).toEqual(
      [...reports.map((p) => p.percent)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(reports.some((p) => (p.percent ?? 100) < 90)).toBe(true);
    // The progress lines never reach onStderr.
    expect(stderr.filter((l) => /^(out_time|progress|frame)=/.test(l))).toEqual([]);
  });

  it('without probing, a trim in the graph is enough', async () => {
    const cmd = new Command(quiet)
      .input('/in/clip.mp4')
      .graph((g) => ({
        v: g.input(0).video.filter('trim', { start: 1, end: 4 }).filter('setpts', { expr: 'PTS-STARTPTS' }),
      }))
      .output('/trim.mp4', { map: ['v'], 'c:v': 'libx264', preset: 'ultrafast' });
    expect(cmd.expectedDuration()).toBe(3);
    const reports: Progress[] = [];
    await runCommand(vol, cmd, { engine, onProgress: (p) => reports.push(p) });
    const actual = (await engine.probe(vol, '/trim.mp4')).format.duration ?? 0;
    expect(actual).toBeCloseTo(3, 1);
    expect(reports.at(-1)?.percent).toBeGreaterThanOrEqual(95);
  });
});
