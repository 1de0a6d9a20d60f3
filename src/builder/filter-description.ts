import { escapeFilterArgs, escapeOptionValue } from './escape.js';
import { type FilterOptionValue, renderValue } from './filter-value.js';

/** Per-node extras beside the typed options. */
export interface NodeExtras {
  /**
   * Text appended to the node's arguments untouched (`key=value:key=value`, already escaped for
   * the graph), for options the map does not know.
   */
  readonly raw?: string;
  /** Output pad count, for filters whose count the builder cannot derive. */
  readonly outputs?: number;
}

/**
 * `name=key=value:key=value` for a graph: each value escaped for the option level, the whole
 * argument string for the graph level; option order is the caller's, so output is deterministic.
 */
export function renderFilterDescription(
  name: string,
  options: Readonly<Record<string, FilterOptionValue | undefined>>,
  raw?: string,
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    parts.push(`${key}=${escapeOptionValue(renderValue(value))}`);
  }
  const args = escapeFilterArgs(parts.join(':'));
  const all = raw ? (args ? `${args}:${raw}` : raw) : args;
  return all ? `${name}=${all}` : name;
}
