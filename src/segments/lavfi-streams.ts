import { resolveGraph } from '../builder/graph-view.js';
import type { StreamMedia } from '../builder/media-type.js';
import { parseFiltergraph } from '../builder/parse-filtergraph.js';

/**
 * How many streams of `medium` a `-f lavfi` input makes: its graph's unconnected outputs of that
 * medium (`testsrc2` one video, `sine` none); `undefined` where the graph or a pad's medium
 * cannot be read. No probe reads such an input, so a map's whole-input entry (`-map 1`) is
 * counted from its graph.
 */
export function lavfiStreams(graph: string, medium: StreamMedia): number | undefined {
  try {
    const view = resolveGraph(parseFiltergraph(graph, 'lavfi'), false, 'lavfi');
    const media = view.outputs.map((o) => view.nodes[o.node]?.outputMedia[o.pad] ?? 'unknown');
    if (media.length === 0 || media.includes('unknown')) return undefined;
    return media.filter((m) => m === medium).length;
  } catch {
    return undefined;
  }
}
