// Compares the outputs recorded in two PROVENANCE.json files (committed vs rebuilt): every
// file's sha256 and, for core modules, the uncompressed module's sha256. Exits 1 on a difference.
// Usage: node compare-provenance.mjs <committed.json> <rebuilt.json>
import { readFileSync } from 'node:fs';

const [committedPath, rebuiltPath] = process.argv.slice(2);
if (!committedPath || !rebuiltPath) throw new Error('usage: compare-provenance.mjs <committed> <rebuilt>');
const load = (path) => JSON.parse(readFileSync(path, 'utf8'));
const committed = load(committedPath);
const rebuilt = load(rebuiltPath);
const byName = (p) => new Map(p.files.map((f) => [f.name, f]));
const a = byName(committed);
const b = byName(rebuilt);
let differences = 0;
for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
  const x = a.get(name);
  const y = b.get(name);
  for (const key of ['sha256', 'moduleSha256']) {
    if (x?.[key] === y?.[key]) continue;
    differences++;
    console.error(
      `DIFFERS ${name} ${key}: committed ${x?.[key] ?? '(missing)'} rebuilt ${y?.[key] ?? '(missing)'}`,
    );
  }
  if (x && y && x.sha256 === y.sha256) console.log(`same    ${name} ${x.moduleSha256 ?? x.sha256}`);
}
if (committed.buildDefinitionHash !== rebuilt.buildDefinitionHash) {
  console.error(
    `note: build definition changed since the commit (${committed.buildDefinitionHash} -> ${rebuilt.buildDefinitionHash})`,
  );
}
if (differences) {
  console.error(
    `${differences} difference(s): the committed wasm/${committed.variant} is not what this definition builds`,
  );
  process.exit(1);
}
console.log(`wasm/${committed.variant}: rebuilt bytes are identical to the committed ones`);
