/**
 * What placing the cuts of a segmented encode knows, in steps of the output's frame grid (frames
 * when the rate is known, else whole seconds).
 */
export interface CutPlan {
  /** The output's length in grid steps (it may end between two). */
  readonly length: number;
  /** How many segments (already capped so each can have `minLength`). */
  readonly count: number;
  /** The fewest grid steps a segment may have. */
  readonly minLength: number;
  /**
   * Grid points where decoding can start (the source's keyframes, ascending, 0 included): a
   * segment starting elsewhere decodes from the keyframe before its start and throws that away.
   */
  readonly keyframes: readonly number[];
  /** What decoding a frame that is thrown away costs, as a share of decoding and encoding one. */
  readonly preRollCost: number;
  /** Work that rides with one segment (the audio encode), in frames' worth of video work. */
  readonly extra?: { readonly segment: 'first' | 'last'; readonly cost: number };
}

/**
 * How far above the best balance a cut may move to land on a keyframe: a keyframe cut saves the
 * next segment's pre-roll (CPU) at a small price in wall time.
 */
export const KEYFRAME_SLACK = 0.03;

/**
 * The grid points where segments 2..count start, placed so the costliest segment costs least:
 * a segment costs its frames, plus its pre-roll (the frames from the keyframe before its start,
 * at `preRollCost` each), plus the `extra` it carries. On sources whose keyframes are dense a cut
 * moves onto a keyframe when that costs at most {@link KEYFRAME_SLACK} more than the balance;
 * with sparse keyframes a segment starting far from one gets fewer frames of its own. Pure.
 */
export function placeCuts(plan: CutPlan): number[] {
  const { length, count, minLength } = plan;
  if (count < 2 || length < count * minLength) return [];
  // The costliest segment's cost: the least for which a split exists (found by bisection).
  let low = length / count;
  let high = length * (1 + plan.preRollCost) + (plan.extra?.cost ?? 0);
  for (let i = 0; i < 60 && high - low > 1e-6; i++) {
    const mid = (low + high) / 2;
    if (feasible(plan, 0, 0, mid)) high = mid;
    else low = mid;
  }
  const best = high;
  const loose = best * (1 + KEYFRAME_SLACK);
  const cuts: number[] = [];
  let at = 0;
  for (let k = 0; k < count - 1; k++) {
    const far = reach(plan, at, k, loose);
    const keyframe = keyframeAtOrBefore(plan.keyframes, far);
    const balanced = reach(plan, at, k, best);
    const next = [keyframe, balanced].find(
      (c) => c >= at + minLength && c <= far && feasible(plan, c, k + 1, loose),
    );
    at = next ?? far;
    cuts.push(at);
  }
  return cuts;
}

/** Whether segments `k..count-1`, the first starting at `at`, can each cost at most `limit`. */
function feasible(plan: CutPlan, at: number, k: number, limit: number): boolean {
  let start = at;
  for (let i = k; i < plan.count - 1; i++) {
    const next = reach(plan, start, i, limit);
    if (next < start + plan.minLength) return false;
    start = next;
  }
  return cost(plan, start, plan.length, plan.count - 1) <= limit + 1e-9;
}

/**
 * The furthest grid point segment `k` starting at `at` can end at within `limit`, leaving room
 * for the segments after it. Never decreases as `at` grows, which makes cutting as late as
 * possible the best greedy choice.
 */
function reach(plan: CutPlan, at: number, k: number, limit: number): number {
  const room = plan.length - (plan.count - 1 - k) * plan.minLength;
  const own = limit - cost(plan, at, at, k);
  return Math.min(Math.floor(room), Math.floor(at + own + 1e-9));
}

/** The cost of segment `k` from `start` to `end`. */
function cost(plan: CutPlan, start: number, end: number, k: number): number {
  const preRoll = (start - keyframeAtOrBefore(plan.keyframes, start)) * plan.preRollCost;
  const { extra } = plan;
  const carries = extra && (extra.segment === 'first' ? k === 0 : k === plan.count - 1);
  return preRoll + (end - start) + (carries ? extra.cost : 0);
}

/** The last keyframe at or before `at` (0 when there is none: decoding starts at the start). */
function keyframeAtOrBefore(keyframes: readonly number[], at: number): number {
  let low = 0;
  let high = keyframes.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const k = keyframes[mid] as number;
    if (k <= at) {
      found = k;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
