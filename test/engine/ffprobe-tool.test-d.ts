import { type Engine, type RunOptions, type RunResult, run, type Tool, Volume } from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

describe('the tool option', () => {
  it('R-AF-4: run and engine.run take tool: ffmpeg | ffprobe, and nothing else', () => {
    const vol = new Volume();
    expectTypeOf<Tool>().toEqualTypeOf<'ffmpeg' | 'ffprobe'>();
    expectTypeOf<RunOptions['tool']>().toEqualTypeOf<Tool | undefined>();
    expectTypeOf(run(vol, ['-show_streams', 'a.mp4'], { tool: 'ffprobe' })).toEqualTypeOf<
      Promise<RunResult>
    >();
    expectTypeOf<Engine['run']>().parameter(2).toEqualTypeOf<RunOptions | undefined>();
    // @ts-expect-error: only the two fftools the module carries
    void run(vol, ['-h'], { tool: 'ffplay' });
  });
});
