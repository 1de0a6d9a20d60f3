/**
 * The value types filter options accept, and how each is written into a filter description.
 * Values are rendered by their JavaScript type; the generated option types keep each option to
 * the forms its FFmpeg type reads.
 */

import { BuilderError } from './errors.js';

/** A string that still lets editors suggest the literal members it is unioned with. */
export type OpenString = string & {};

/** A duration: seconds as a number, or FFmpeg time syntax (`'00:00:01.5'`, `'1500ms'`). */
export type DurationValue = number | string;

/** A rational: a number, `'num/den'`, or a name FFmpeg knows (`'ntsc'`, `'pal'`). */
export type RationalValue = number | string;

/** A flags option: one flag, several (joined with `+`), or the raw integer. */
export type FlagsValue<F extends string> = F | readonly F[] | number;

/** Any value a filter option may be given. */
export type FilterOptionValue = string | number | boolean | readonly string[];

/** Writes a number the way every FFmpeg number parser reads it (no exponent, no `-0`). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n))
    throw new BuilderError('invalid-value', `option value ${n} is not a finite number`);
  if (Object.is(n, -0)) return '0';
  const text = String(n);
  if (!text.includes('e')) return text;
  // FFmpeg's time parser (durations) does not read exponents, so expand them.
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Renders one option value as text, before escaping. */
export function renderValue(value: FilterOptionValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return value.join('+');
}
