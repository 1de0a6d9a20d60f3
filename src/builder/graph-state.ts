import type { PadShape } from './pad-shape.js';
import type { StreamSource } from './stream.js';

/** One filter node as the command stores it (immutable). */
export interface NodeRecord {
  readonly id: number;
  /** Filter name, or `raw` for a raw node (used in error messages). */
  readonly filter: string;
  /** The rendered `name=args`, escaped for the graph level. */
  readonly description: string;
  readonly inputs: readonly StreamSource[];
  readonly shape: PadShape;
  /** Added by `Command.filter()`: its unconsumed outputs go unlabelled to the first output. */
  readonly auto: boolean;
}

/** A graph output the user named (the keys returned from a `graph()` callback). */
export interface NamedOutput {
  readonly label: string;
  readonly source: StreamSource;
}

/** A hand-written piece of `-filter_complex`, with the output labels it declares. */
export interface RawGraph {
  readonly text: string;
  readonly labels: readonly string[];
  /** Written as its own option with this flag (a parsed `-filter_complex`/`-lavfi`), not joined. */
  readonly own?: string;
}

export interface GraphState {
  readonly nodes: readonly NodeRecord[];
  readonly named: readonly NamedOutput[];
  readonly raw: readonly RawGraph[];
}

export const emptyGraph: GraphState = { nodes: [], named: [], raw: [] };

export const nodeName = (node: { filter: string; id: number }): string => `${node.filter}#${node.id}`;
