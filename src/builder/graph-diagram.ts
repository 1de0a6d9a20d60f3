import { type GraphView, namedOptions, resolveGraph, type ViewNode, type ViewSource } from './graph-view.js';
import { argvGraphs } from './parse-command.js';
import { parseFiltergraph } from './parse-filtergraph.js';

/** One filtergraph of a command with where it sits: a complex graph, or an output's -vf/-af. */
interface PlacedGraph {
  readonly title: string;
  readonly view: GraphView;
  /** For an output's simple graph: that output, and the input its stream comes from. */
  readonly output?: number;
}

interface CommandGraphs {
  readonly inputs: readonly { readonly path: string; readonly options: Readonly<Record<string, unknown>> }[];
  readonly outputs: readonly {
    readonly path: string;
    readonly options: Readonly<Record<string, unknown>>;
    readonly maps: readonly string[];
  }[];
  readonly graphs: readonly PlacedGraph[];
}

/** Every filtergraph of an argv, parsed and resolved (what FFmpeg itself will read). */
function commandGraphs(args: readonly string[]): CommandGraphs {
  const { parts, complex, simple } = argvGraphs(args);
  const graphs: PlacedGraph[] = complex.map((c) => ({
    title: c.flag.slice(1),
    view: resolveGraph(parseFiltergraph(c.text, c.flag), false, c.flag),
  }));
  simple.forEach((filters, output) => {
    for (const f of filters) {
      graphs.push({
        title: `output #${output} ${f.flag.slice(1)}`,
        view: resolveGraph(parseFiltergraph(f.text, f.flag), true, f.flag),
        output,
      });
    }
  });
  const plain = (o: Readonly<Record<string, unknown>>) => {
    const { map: _map, layout: _layout, ...rest } = o as Record<string, unknown>;
    return rest;
  };
  return {
    inputs: parts.inputs.map((i) => ({ path: i.path, options: plain(i.options as Record<string, unknown>) })),
    outputs: parts.outputs.map((o) => ({
      path: o.path,
      options: plain(o.options as Record<string, unknown>),
      maps: o.options.map ?? [],
    })),
    graphs,
  };
}

/** Options as `key=value`, positional ones named where the builder knows their names. */
const optionText = (node: ViewNode): string => {
  const named = namedOptions(node.filter);
  const unnamed = node.filter.positional.slice(
    Object.keys(named).length - Object.keys(node.filter.options).length,
  );
  return [...unnamed, ...Object.entries(named).map(([k, v]) => `${k}=${v}`)].join(' ');
};
const nodeTitle = (node: ViewNode): string =>
  `${node.filter.name}${node.filter.instance ? `@${node.filter.instance}` : ''}`;
const fileOptions = (o: Readonly<Record<string, unknown>>): string => {
  const parts = Object.entries(o).flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      return Object.entries(v).map(
        ([kk, vv]) => `${kk}=${typeof vv === 'object' ? JSON.stringify(vv) : String(vv)}`,
      );
    }
    return [v === true ? k : `${k}=${String(v)}`];
  });
  return parts.length > 0 ? ` (${parts.join(' ')})` : '';
};

/**
 * A plain-text outline of a compiled command for logs: inputs with their options, each
 * filtergraph one filter a line (`[in] name options -> [out]`), outputs with what they map.
 */
export function outline(args: readonly string[]): string {
  const { inputs, outputs, graphs } = commandGraphs(args);
  const lines: string[] = ['inputs:'];
  inputs.forEach((input, i) => {
    lines.push(`  #${i} ${input.path}${fileOptions(input.options)}`);
  });
  for (const g of graphs) {
    lines.push(`${g.title}:`);
    const ref = (s: ViewSource): string => {
      if (s.kind === 'input') return `[${s.input}${s.specifier ? `:${s.specifier}` : ''}]`;
      if (s.kind === 'stream') return '[in]';
      if (s.kind === 'label') return `[${s.label}]`;
      const from = g.view.nodes[s.node];
      const label = from?.filter.outputLabels[s.pad];
      if (label !== undefined) return `[${label}]`;
      const name = from ? `${nodeTitle(from)}#${from.index + 1}` : `#${s.node + 1}`;
      return s.pad === 0 ? name : `${name}.${s.pad}`;
    };
    for (const node of g.view.nodes) {
      const ins = node.inputs.map(ref).join(' ');
      const open = g.view.outputs.filter((o) => o.node === node.index && o.label === undefined);
      const outs = [
        ...node.filter.outputLabels.map((l) => `[${l}]`),
        ...open.map(() => `[output #${g.output ?? 0}]`),
      ];
      const opts = optionText(node);
      lines.push(
        `  ${nodeTitle(node)}#${node.index + 1}${ins ? ` <- ${ins}` : ''}${opts ? ` : ${opts}` : ''}${outs.length > 0 ? ` -> ${outs.join(' ')}` : ''}`,
      );
    }
  }
  lines.push('outputs:');
  outputs.forEach((out, i) => {
    const maps = out.maps.map((m) => (/^\d/.test(m) ? m : `[${m}]`)).join(' ');
    lines.push(`  #${i} ${out.path}${maps ? ` <- ${maps}` : ''}${fileOptions(out.options)}`);
  });
  return lines.join('\n');
}

const mermaidText = (text: string): string =>
  text.replaceAll('"', '#quot;').replaceAll('<', '#lt;').replaceAll('>', '#gt;');

/**
 * The command's filtergraphs as a Mermaid flowchart: inputs, one box per filter with its options,
 * outputs; edges carry the stream specifiers and link labels.
 */
export function mermaid(args: readonly string[]): string {
  const { inputs, outputs, graphs } = commandGraphs(args);
  const lines: string[] = ['flowchart LR'];
  inputs.forEach((input, i) => {
    lines.push(`  in${i}[/"#${i} ${mermaidText(input.path)}"/]`);
  });
  graphs.forEach((g, gi) => {
    lines.push(`  subgraph g${gi}["${mermaidText(g.title)}"]`);
    for (const node of g.view.nodes) {
      const opts = optionText(node);
      lines.push(
        `    g${gi}n${node.index}["${mermaidText(nodeTitle(node))}${opts ? `<br/>${mermaidText(opts)}` : ''}"]`,
      );
    }
    lines.push('  end');
    for (const node of g.view.nodes) {
      node.inputs.forEach((s) => {
        const to = `g${gi}n${node.index}`;
        if (s.kind === 'input') {
          lines.push(`  in${s.input} -->|"${s.input}${s.specifier ? `:${s.specifier}` : ''}"| ${to}`);
        } else if (s.kind === 'stream') {
          lines.push(`  in0 --> ${to}`);
        } else if (s.kind === 'pad') {
          const from = g.view.nodes[s.node];
          const label = from?.filter.outputLabels[s.pad];
          lines.push(`  g${gi}n${s.node} -->${label ? `|"${mermaidText(label)}"|` : ''} ${to}`);
        }
      });
    }
    for (const o of g.view.outputs) {
      const targets =
        g.output !== undefined
          ? [g.output]
          : o.label === undefined
            ? [0]
            : outputs.flatMap((out, k) => (out.maps.includes(o.label as string) ? [k] : []));
      for (const k of targets) {
        lines.push(`  g${gi}n${o.node} -->${o.label ? `|"${mermaidText(o.label)}"|` : ''} out${k}`);
      }
    }
  });
  outputs.forEach((out, k) => {
    lines.push(`  out${k}[\\"#${k} ${mermaidText(out.path)}"\\]`);
    for (const m of out.maps) {
      const input = /^(\d+)/.exec(m);
      if (input) lines.push(`  in${input[1]} -->|"${mermaidText(m)}"| out${k}`);
    }
    if (out.maps.length === 0 && !graphs.some((g) => g.output === k || (g.output === undefined && k === 0))) {
      inputs.forEach((_, i) => {
        lines.push(`  in${i} --> out${k}`);
      });
    }
  });
  return lines.join('\n');
}
