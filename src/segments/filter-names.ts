import { type ParsedFilter, parseFiltergraph } from '../builder/index.js';

/**
 * Every filter of a filtergraph description (`-vf`/`-filter_complex` text), in order, read by the
 * builder's parser, which follows libavfilter's (labels, `@instance`, quoting, escapes);
 * `undefined` when the text cannot be read.
 */
export function graphFilters(graph: string): readonly ParsedFilter[] | undefined {
  try {
    return parseFiltergraph(graph).chains.flat();
  } catch {
    return undefined;
  }
}

/** The filter names of a filtergraph description, in order; `undefined` when it cannot be read. */
export function filterNames(graph: string): string[] | undefined {
  return graphFilters(graph)?.map((filter) => filter.name);
}
