// jco 1.35's transpiler validates core modules without the exception-handling feature, so it
// refuses a module that uses wasm exceptions (the setjmp/longjmp lowering, src/wasi-setjmp/). The
// component itself is valid (jco's componentNew, i.e. wasm-tools, accepts it), and the glue jco
// writes depends only on a module's imports and exports, not on its code. So steps/component.sh
// transpiles a twin whose exception instructions binaryen stripped, and this tool then installs
// the real module in its place, after checking that the swap is exact:
//   - jco wrote the twin component's first core module byte for byte (so it would have written
//     the real component's the same way), and
//   - the real and twin modules import and export exactly the same names and kinds.
// Usage:
//   node exception-twin.mjs needs <core.wasm>                 exit 0 when the module uses exceptions
//   node exception-twin.mjs install <twin.component.wasm> <real.component.wasm> <core.wasm out>
import { readFileSync, writeFileSync } from 'node:fs';

const TAG_SECTION = 13;
const COMPONENT_CORE_MODULE_SECTION = 1;

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const byte = bytes[i++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i];
    shift += 7;
  }
}

/** The top-level sections of a core module or component: [{ id, start, end }]. */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    out.push({ id, start, end: start + size });
    at = start + size;
  }
  return out;
}

function firstCoreModule(component) {
  const section = sections(component).find((s) => s.id === COMPONENT_CORE_MODULE_SECTION);
  if (!section) throw new Error('component has no core module');
  return component.subarray(section.start, section.end);
}

function signature(bytes) {
  const module = new WebAssembly.Module(bytes);
  const names = (list) => list.map((d) => `${d.module ?? ''}/${d.name}:${d.kind}`).sort();
  return JSON.stringify({
    imports: names(WebAssembly.Module.imports(module)),
    exports: names(WebAssembly.Module.exports(module)),
  });
}

const [command, ...args] = process.argv.slice(2);
if (command === 'needs') {
  const module = readFileSync(args[0]);
  process.exit(sections(module).some((s) => s.id === TAG_SECTION) ? 0 : 1);
} else if (command === 'install') {
  const [twinPath, realPath, corePath] = args;
  const twin = firstCoreModule(readFileSync(twinPath));
  const real = firstCoreModule(readFileSync(realPath));
  const written = readFileSync(corePath);
  if (Buffer.compare(Buffer.from(twin), written) !== 0) {
    throw new Error(`${corePath} is not the twin component's first core module: jco changed it, the swap would not be exact`);
  }
  if (signature(twin) !== signature(real)) {
    throw new Error('the twin and the real core module differ in imports or exports');
  }
  writeFileSync(corePath, real);
  console.error(`exception-twin: installed the real core module (${real.length} bytes) in ${corePath}`);
} else {
  console.error('usage: exception-twin.mjs needs <core.wasm> | install <twin.component> <real.component> <core.wasm>');
  process.exit(2);
}
