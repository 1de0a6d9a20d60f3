// Writes PROVENANCE.json beside a transpiled build: what went in (sources, toolchain, configure
// line, flags, build-definition hash) and what came out (size and sha256 of every file, and the
// component lists read from the built binary itself: component-lists.mjs).
// Called by build/steps/provenance.sh with its inputs in AFMPEG_PROVENANCE_* variables.
// Usage: node build/tools/provenance.mjs <out/js dir>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { componentLists } from './component-lists.mjs';
import { definitionHash } from './definition-hash.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const buildDef = join(here, '..');
const env = (name) => {
  const value = process.env[`AFMPEG_PROVENANCE_${name}`];
  if (value === undefined) throw new Error(`AFMPEG_PROVENANCE_${name} is not set`);
  return value;
};
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node provenance.mjs <dir>');
const variant = env('VARIANT');

const lock = JSON.parse(readFileSync(join(buildDef, 'sources.lock.json'), 'utf8'));
const used = new Set(['ffmpeg', ...env('LIBS').split(' ').filter(Boolean)]);
const sources = lock.sources
  .filter((s) => used.has(s.name))
  .map(({ name, version, file, sha256, upstream, debian, licence }) => ({
    name,
    version,
    file,
    sha256,
    upstream,
    debian,
    licence,
  }));

const patchDir = join(buildDef, 'patches');
const patches = readdirSync(patchDir, { recursive: true })
  .map(String)
  .filter((p) => p.endsWith('.patch'))
  .sort()
  .map((p) => ({ file: `build/patches/${p}`, sha256: sha256(readFileSync(join(patchDir, p))) }));

// dpkg-query's own format syntax, not a template string.
const dpkgVersionFormat = ['-f=$', '{Version}'].join('');
const dpkg = (pkg) => sh('dpkg-query', ['-W', dpkgVersionFormat, pkg]);
const toolchainLock = JSON.parse(readFileSync(join(buildDef, 'toolchain.lock.json'), 'utf8'));
// The C++ runtime and the meson/cmake build systems are installed (and checked by
// steps/toolchain.sh) only for the broad variants: asking dpkg about them for lean fails on a
// machine set up for lean alone.
const debianPackages = [
  ...Object.keys(toolchainLock.debian),
  ...(variant !== 'lean' ? Object.keys(toolchainLock.debianBroad).filter((p) => !p.startsWith('$')) : []),
];
const toolchain = {
  clang: sh('clang-19', ['--version']).split('\n')[0],
  debian: Object.fromEntries(debianPackages.map((p) => [p, dpkg(p)])),
  jco: JSON.parse(readFileSync(join(buildDef, 'node_modules/@bytecodealliance/jco/package.json'), 'utf8'))
    .version,
  binaryen: JSON.parse(readFileSync(join(buildDef, 'node_modules/binaryen/package.json'), 'utf8')).version,
  adapter: toolchainLock.adapter,
  node: process.version,
  brotli: process.versions.brotli,
};

// Every file the variant ships, with the uncompressed core modules' hashes beside the .br ones.
const names = readdirSync(outDir).sort();
const files = names
  .filter((n) => n.endsWith('.br') || n === 'afmpeg.js')
  .map((name) => {
    const bytes = readFileSync(join(outDir, name));
    if (!name.endsWith('.br')) return { name, bytes: bytes.length, sha256: sha256(bytes) };
    const raw = brotliDecompressSync(bytes);
    return {
      name,
      bytes: bytes.length,
      sha256: sha256(bytes),
      module: name.slice(0, -3),
      moduleBytes: raw.length,
      moduleSha256: sha256(raw),
    };
  });

const components = componentLists(outDir);
const version = execFileSync(process.execPath, [join(here, 'run-wasm.mjs'), outDir, 'ffmpeg', '-version'], {
  encoding: 'utf8',
})
  .split('\n')[0]
  .trim();

const provenance = {
  variant,
  licence: env('LICENCE'),
  ffmpeg: version,
  buildDefinitionHash: definitionHash(),
  sources,
  patches,
  toolchain,
  configure: readFileSync(env('CONFIGURE'), 'utf8').trim().split('\n'),
  flags: {
    cflags: env('OPT'),
    ldflags: [
      env('LDOPT'),
      '-Wl,--stack-first',
      '-Wl,-z,stack-size=8388608',
      '-Wl,--strip-debug',
      '-Wl,--export=cabi_realloc',
    ]
      .filter(Boolean)
      .join(' '),
    wasmOpt: env('WASM_OPT') ? `${env('WASM_OPT')} -g` : '',
    x264Vectorize: process.env.AFMPEG_X264_VECTORIZE === '1',
    // The -L path names the build root; written as the compiler's prefix map writes it, so the
    // provenance is the same from any build root.
    linkLibraries: readFileSync(env('LINK_LIBS'), 'utf8').trim().replaceAll(process.env.AFMPEG_PREFIX_MAP_FROM, '/afmpeg-build'),
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  },
  multiCall: { tools: ['ffmpeg', 'ffprobe'], dispatch: 'basename(argv[0])' },
  files,
  components,
};
writeFileSync(join(outDir, 'PROVENANCE.json'), `${JSON.stringify(provenance, null, 2)}\n`);
for (const [kind, list] of Object.entries(components)) {
  const counts = Array.isArray(list) ? list.length : Object.entries(list).map(([k, l]) => `${k} ${l.length}`).join(', ');
  console.error(`${kind}: ${counts}`);
}
