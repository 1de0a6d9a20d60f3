import type { Command } from '../builder/index.js';
import type { Engine, RunOptions, VolumeLike } from '../engine/index.js';
import type { FrameRate } from './boundaries.js';
import type { SegmentMode } from './structure.js';

/** What the splitter needs to know about the source before it cuts. */
export interface SourceFacts {
  readonly durationSeconds?: number;
  readonly frameRate?: FrameRate;
  readonly hasAudio: boolean;
  /** Whether the input has a subtitle stream (known for an input-seek split only). */
  readonly hasSubtitles?: boolean;
  /**
   * Where decoding can start, in seconds from the start of the output's timeline: the first
   * video stream's keyframes for an input-seek split, `[0]` when every segment decodes from the
   * start (an output-seek split, or an input that cannot be scanned).
   */
  readonly keyframeSeconds: readonly number[];
}

/**
 * Reads the first input's length, frame rate, audio and video keyframes, for an input-seek split
 * of one input file: ffprobe's stream header and a scan of its video packets' flags (the
 * packets are read, not decoded), run at once.
 */
export async function sourceFacts(
  vol: VolumeLike,
  cmd: Command<string>,
  engine: Engine,
  options: RunOptions,
  mode: SegmentMode,
): Promise<SourceFacts> {
  const first = cmd.inputs[0];
  if (mode !== 'input-seek' || !first || first.options.f === 'lavfi')
    return { hasAudio: true, keyframeSeconds: [0] };
  const { signal, cwd, mounts, env, memoryLimitMiB } = options;
  const shared = { signal, cwd, mounts, env, memoryLimitMiB };
  const [info, scan] = await Promise.all([
    engine.probe(vol, first.path, shared),
    engine.run(
      vol,
      [
        ...['-v', 'error', '-select_streams', 'v:0'],
        ...['-show_entries', 'packet=pts_time,dts_time,flags', '-of', 'csv=p=0', first.path],
      ],
      { ...shared, tool: 'ffprobe', stdout: 'capture' },
    ),
  ]);
  const video = info.streams.find((s) => s.codecType === 'video');
  return {
    durationSeconds: info.format.duration,
    frameRate: video?.frameRate?.value ? { num: video.frameRate.num, den: video.frameRate.den } : undefined,
    hasAudio: info.streams.some((s) => s.codecType === 'audio'),
    hasSubtitles: info.streams.some((s) => s.codecType === 'subtitle'),
    keyframeSeconds: keyframeTimes(new TextDecoder().decode(scan.stdout), info.format.startTime ?? 0),
  };
}

/**
 * The keyframe times in ffprobe's `pts_time,dts_time,flags` packet lines, less the file's start
 * time (input `-ss` counts from it), ascending. A packet without a pts is placed at its dts.
 */
export function keyframeTimes(csv: string, startSeconds: number): number[] {
  const times = csv.split('\n').flatMap((line) => {
    const [pts, dts, flags] = line.trim().split(',');
    if (!flags?.includes('K')) return [];
    const at = Number.parseFloat(pts === 'N/A' ? (dts ?? '') : (pts ?? ''));
    return Number.isFinite(at) ? [Math.max(0, at - startSeconds)] : [];
  });
  return times.sort((a, b) => a - b);
}
