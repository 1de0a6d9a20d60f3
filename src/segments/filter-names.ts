/**
 * The filter names of a filtergraph description (`-vf`/`-filter_complex` text), in order. Splits
 * on the `,` and `;` that separate filters, skipping quoted text, backslash escapes and `[pad]`
 * labels, and reads each filter's name up to its `=` or `@instance`.
 */
export function filterNames(graph: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  const flush = () => {
    const name = /^\s*(?:\[[^\]]*\]\s*)*([A-Za-z0-9_]+)/.exec(current)?.[1];
    if (name) names.push(name);
    current = '';
  };
  for (let i = 0; i < graph.length; i++) {
    const c = graph[i];
    if (c === '\\') {
      current += graph.slice(i, i + 2);
      i++;
    } else if (c === "'") {
      quoted = !quoted;
      current += c;
    } else if (!quoted && (c === ',' || c === ';')) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return names;
}
