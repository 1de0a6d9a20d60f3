import { BuilderError } from './errors.js';
import { type GraphState, type NodeRecord, nodeName } from './graph-state.js';
import type { StreamSource } from './stream.js';

/** What a graph compiles to: nothing, `-vf`/`-af` on the only output, or one `-filter_complex`. */
export type CompiledGraph =
  | { readonly kind: 'none' }
  | { readonly kind: 'simple'; readonly vf: string | undefined; readonly af: string | undefined }
  | { readonly kind: 'complex'; readonly text: string };

export interface GraphContext {
  readonly inputCount: number;
  readonly outputCount: number;
  /** Every `-map` entry of every output that names a graph label, with its output's index. */
  readonly mappedLabels: readonly { readonly label: string; readonly output: number }[];
}

const padKey = (node: number, pad: number) => `${node}:${pad}`;
const INPUT_SELECTOR = /^(\d+)(?::|$)/;

/** The input index an input-stream `-map` selector or graph input refers to. */
export function selectorInput(selector: string): number | undefined {
  const m = INPUT_SELECTOR.exec(selector);
  return m ? Number(m[1]) : undefined;
}

function describeSource(source: StreamSource, nodes: ReadonlyMap<number, NodeRecord>): string {
  if (source.kind === 'input') return `[${source.input}:${source.specifier}]`;
  const node = nodes.get(source.node);
  return `output #${source.pad} of ${node ? nodeName(node) : `#${source.node}`}`;
}

/** Validates the graph against the command and renders it. Pure; throws {@link BuilderError}. */
export function compileGraph(graph: GraphState, ctx: GraphContext): CompiledGraph {
  const { nodes, named, raw } = graph;
  const rawLabels = new Set(raw.flatMap((r) => r.labels));
  const namedLabels = new Map(named.map((n) => [n.label, n]));
  for (const m of ctx.mappedLabels) {
    if (!namedLabels.has(m.label) && !rawLabels.has(m.label)) {
      throw new BuilderError(
        'unknown-label',
        `output #${m.output} maps '${m.label}', which no graph defines`,
        undefined,
        m.label,
      );
    }
  }
  if (nodes.length === 0 && raw.length === 0) return { kind: 'none' };
  const byId = new Map(nodes.map((n) => [n.id, n]));

  // Who consumes each output pad: nodes' inputs and user-named graph outputs.
  const consumers = new Map<string, string[]>();
  const consume = (source: StreamSource, by: string) => {
    if (source.kind !== 'pad') return;
    const key = padKey(source.node, source.pad);
    consumers.set(key, [...(consumers.get(key) ?? []), by]);
  };

  for (const node of nodes) {
    const name = nodeName(node);
    node.inputs.forEach((source, i) => {
      if (
        source.kind === 'input' &&
        (source.input >= ctx.inputCount || source.input < 0 || !Number.isInteger(source.input))
      ) {
        throw new BuilderError(
          'missing-input',
          `${name} input #${i} refers to input ${source.input} ([${source.input}:${source.specifier}]), but the command has ${ctx.inputCount} input(s)`,
          name,
          `input #${i}`,
        );
      }
      if (source.kind === 'pad') {
        const from = byId.get(source.node);
        const count = from?.shape.outputs?.length;
        if (!from || (count !== undefined && source.pad >= count)) {
          throw new BuilderError(
            'pad-out-of-range',
            `${name} input #${i} reads output #${source.pad} of ${from ? nodeName(from) : `#${source.node}`}, which has ${count ?? 0} output(s)`,
            from ? nodeName(from) : undefined,
            `output #${source.pad}`,
          );
        }
      }
      consume(source, `${name} input #${i}`);
    });
    const want = node.shape.inputs?.length;
    if (want !== undefined && node.inputs.length < want) {
      throw new BuilderError(
        'dangling-pad',
        `${name} input #${node.inputs.length} is not connected (${node.filter} has ${want} input pad(s), ${node.inputs.length} given)`,
        name,
        `input #${node.inputs.length}`,
      );
    }
    if (want !== undefined && node.inputs.length > want) {
      throw new BuilderError(
        'pad-out-of-range',
        `${name} is given ${node.inputs.length} inputs, but ${node.filter} has ${want} input pad(s)`,
        name,
        `input #${want}`,
      );
    }
  }
  for (const out of named) {
    const source = out.source;
    if (source.kind === 'input' && source.input >= ctx.inputCount) {
      throw new BuilderError(
        'missing-input',
        `graph output '${out.label}' is input ${source.input}, but the command has ${ctx.inputCount} input(s)`,
        undefined,
        out.label,
      );
    }
    if (source.kind === 'pad') {
      const from = byId.get(source.node);
      const count = from?.shape.outputs?.length;
      if (from && count !== undefined && source.pad >= count) {
        throw new BuilderError(
          'pad-out-of-range',
          `graph output '${out.label}' is output #${source.pad} of ${nodeName(from)}, which has ${count} output(s)`,
          nodeName(from),
          `output #${source.pad}`,
        );
      }
    }
    consume(source, `graph output '${out.label}'`);
  }

  for (const [key, users] of consumers) {
    if (users.length > 1) {
      const [nodeId, pad] = key.split(':').map(Number) as [number, number];
      const node = byId.get(nodeId);
      const name = node ? nodeName(node) : `#${nodeId}`;
      throw new BuilderError(
        'pad-used-twice',
        `output #${pad} of ${name} is used ${users.length} times (${users.join(', ')}); a pad feeds one consumer, duplicate it with split/asplit`,
        name,
        `output #${pad}`,
      );
    }
  }

  for (const node of nodes) {
    if (node.auto) continue;
    node.shape.outputs?.forEach((_, pad) => {
      if (!consumers.has(padKey(node.id, pad))) {
        throw new BuilderError(
          'dangling-pad',
          `output #${pad} of ${nodeName(node)} is not connected: feed it to a node or return it from graph() and map it`,
          nodeName(node),
          `output #${pad}`,
        );
      }
    });
  }

  for (const out of named) {
    const maps = ctx.mappedLabels.filter((m) => m.label === out.label);
    if (maps.length === 0) {
      throw new BuilderError(
        'dangling-pad',
        `graph output '${out.label}' (${describeSource(out.source, byId)}) is not mapped by any output`,
        out.source.kind === 'pad'
          ? nodeName(byId.get(out.source.node) ?? { filter: '?', id: out.source.node })
          : undefined,
        out.label,
      );
    }
    if (maps.length > 1) {
      throw new BuilderError(
        'label-mapped-twice',
        `graph output '${out.label}' is mapped ${maps.length} times; a graph output feeds one output stream, split it for more`,
        undefined,
        out.label,
      );
    }
  }
  const simple = simpleChains(nodes, named.length + raw.length, ctx);
  if (simple) return simple;
  return { kind: 'complex', text: renderComplex(graph, consumers) };
}

/** `-vf`/`-af` form: one input, one output, at most one plain chain per media type. */
function simpleChains(
  nodes: readonly NodeRecord[],
  extras: number,
  ctx: GraphContext,
): CompiledGraph | undefined {
  if (extras > 0 || ctx.inputCount !== 1 || ctx.outputCount !== 1) return undefined;
  const chains = new Map<'v' | 'a', string[]>();
  const tails = new Map<number, 'v' | 'a'>();
  for (const node of nodes) {
    if (!node.auto || node.inputs.length !== 1 || node.shape.outputs?.length !== 1) return undefined;
    const src = node.inputs[0] as StreamSource;
    let type: 'v' | 'a' | undefined;
    if (src.kind === 'input') {
      if (src.specifier !== 'v' && src.specifier !== 'a') return undefined;
      if (chains.has(src.specifier)) return undefined;
      type = src.specifier;
      chains.set(type, []);
    } else {
      type = src.pad === 0 ? tails.get(src.node) : undefined;
      if (!type) return undefined;
      tails.delete(src.node);
    }
    chains.get(type)?.push(node.description);
    tails.set(node.id, type);
  }
  return { kind: 'simple', vf: chains.get('v')?.join(','), af: chains.get('a')?.join(',') };
}

function renderComplex(graph: GraphState, consumers: ReadonlyMap<string, readonly string[]>): string {
  const { nodes, named, raw } = graph;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const taken = new Set([...named.map((n) => n.label), ...raw.flatMap((r) => r.labels)]);
  const labels = new Map<string, string>();
  for (const out of named) {
    if (out.source.kind === 'pad') labels.set(padKey(out.source.node, out.source.pad), out.label);
  }
  let counter = 0;
  const labelOf = (node: number, pad: number): string => {
    const key = padKey(node, pad);
    const existing = labels.get(key);
    if (existing) return existing;
    const type = byId.get(node)?.shape.outputs?.[pad];
    const prefix = type === 'A' ? 'a' : type === 'V' ? 'v' : 's';
    let label: string;
    do label = `${prefix}${++counter}`;
    while (taken.has(label));
    taken.add(label);
    labels.set(key, label);
    return label;
  };

  // A node joins the previous one with ',' (no label) when its only input is the previous
  // node's only output pad and that pad has no user-given name.
  const chained = new Set<number>();
  nodes.forEach((node, i) => {
    const previous = nodes[i - 1];
    const first = node.inputs[0];
    if (
      previous &&
      node.inputs.length === 1 &&
      first?.kind === 'pad' &&
      first.node === previous.id &&
      first.pad === 0 &&
      previous.shape.outputs?.length === 1 &&
      !labels.has(padKey(previous.id, 0))
    ) {
      chained.add(node.id);
    }
  });

  const segments: string[] = [];
  nodes.forEach((node, i) => {
    const ins = node.inputs.map((source, pad) => {
      if (pad === 0 && chained.has(node.id)) return '';
      return source.kind === 'input'
        ? `[${source.input}:${source.specifier}]`
        : `[${labelOf(source.node, source.pad)}]`;
    });
    // Output labels are positional, so every pad up to the last consumed one gets a label;
    // trailing unconsumed pads of default chains stay bare and go to the first output.
    const consumed = [...consumers.keys()]
      .filter((k) => k.startsWith(`${node.id}:`))
      .map((k) => Number(k.split(':')[1]));
    const labelled = consumed.length === 0 ? 0 : Math.max(...consumed) + 1;
    const next = nodes[i + 1];
    const outs =
      next && chained.has(next.id)
        ? []
        : Array.from({ length: labelled }, (_, pad) => `[${labelOf(node.id, pad)}]`);
    const text = `${ins.join('')}${node.description}${outs.join('')}`;
    if (chained.has(node.id)) segments[segments.length - 1] += `,${text}`;
    else segments.push(text);
  });
  return [...segments, ...raw.filter((r) => r.own === undefined).map((r) => r.text)].join(';');
}
