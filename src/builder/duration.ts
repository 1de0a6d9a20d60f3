import type { DurationValue } from './filter-value.js';

const UNITS: Readonly<Record<string, number>> = { s: 1, ms: 1e-3, us: 1e-6 };

/**
 * Seconds of an FFmpeg duration (`12.5`, `'12.5'`, `'01:02:03.5'`, `'-00:01'`, `'1500ms'`), or
 * `undefined` when the text is not one.
 */
export function parseDuration(value: DurationValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  const unit = /^(-?\d+(?:\.\d+)?)(s|ms|us)$/.exec(text);
  if (unit) return Number(unit[1]) * (UNITS[unit[2] as string] ?? 1);
  const clock = /^(-)?(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d+)?)$/.exec(text);
  if (!clock) return undefined;
  const [, sign, a, b, s] = clock;
  const [h, m] = b !== undefined ? [Number(a), Number(b)] : [0, Number(a ?? 0)];
  const seconds = h * 3600 + m * 60 + Number(s);
  return sign ? -seconds : seconds;
}
