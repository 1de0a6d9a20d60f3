import {
  Command,
  type RunResult,
  runCommand,
  type SegmentedRunResult,
  type SegmentMode,
  Volume,
} from 'afmpeg';
import { describe, expectTypeOf, it } from 'vitest';

describe('R-AF-17 the segmented run is typed', () => {
  it('a run with segments says how it was split; one without does not', () => {
    const vol = new Volume();
    const cmd = new Command().input('a.mp4').output('b.mp4', { 'c:v': 'libx264' });
    expectTypeOf(runCommand(vol, cmd, { segments: 'auto' })).toEqualTypeOf<Promise<SegmentedRunResult>>();
    expectTypeOf(runCommand(vol, cmd, { segments: 4 })).toEqualTypeOf<Promise<SegmentedRunResult>>();
    expectTypeOf(runCommand(vol, cmd)).toEqualTypeOf<Promise<RunResult>>();
    expectTypeOf<SegmentedRunResult['segmentation']['mode']>().toEqualTypeOf<SegmentMode | undefined>();
    // @ts-expect-error: a segment count is a number or 'auto'
    runCommand(vol, cmd, { segments: 'all' });
  });
});
