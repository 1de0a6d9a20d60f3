// What each library costs in a variant's core module: the code section's function bodies, summed
// per static library by symbol name (the linked module's name section, against `llvm-nm` of every
// archive the link used). With LTO a function inlined into another library's is counted there,
// and a name defined in two archives is counted as "ambiguous"; data (rodata tables) is reported
// as one total, since LTO merges it without library names.
//
//   node scripts/size/by-library.mjs <build dir> [--detail]   e.g. $AFMPEG_BUILD_ROOT/gpl
//   (--detail also lists the largest unattributed and ambiguous functions)
//
// Needs the build tree (out/afmpeg.wasm, prefix/lib, obj/ffmpeg, sysroot) and llvm-nm-19.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2];
if (!dir || !existsSync(join(dir, 'out/afmpeg.wasm'))) {
  console.error('usage: by-library.mjs <build dir with out/afmpeg.wasm>');
  process.exit(2);
}

/** Function body sizes by name, and section totals, from a wasm binary. */
function readModule(bytes) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const str = () => {
    const n = leb();
    const s = bytes.subarray(p, p + n).toString();
    p += n;
    return s;
  };
  let importedFunctions = 0;
  const bodySizes = [];
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const end = p + size;
    sections[id] = (sections[id] ?? 0) + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str();
        str();
        const kind = bytes[p++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          p++;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          p += 2;
        } else if (kind === 4) {
          p++;
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const bodySize = leb();
        bodySizes.push(bodySize);
        bodies.push(bytes.subarray(p, p + bodySize));
        p += bodySize;
      }
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = bytes[p++];
        const subSize = leb();
        const subEnd = p + subSize;
        if (sub === 1) for (let n = leb(); n > 0; n--) names.set(leb(), str());
        p = subEnd;
      }
    }
    p = end;
  }
  return { importedFunctions, bodySizes, bodies, names, sections };
}

/** Defined symbol names of one archive or object (bitcode or wasm objects alike). */
function definedSymbols(file) {
  const out = execFileSync('llvm-nm-19', ['--defined-only', '--no-sort', '--demangle', '-j', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter((line) => line && !line.endsWith(':'));
}

// A project's archives that share sources (libwebp and libwebpdecoder, the three libvorbis ones)
// count as one project; the wasi-libc emulation archives as wasi-libc.
const project = (label) =>
  label
    .replace(/^lib(webp|sharpyuv).*/, 'libwebp')
    .replace(/^libvorbis.*/, 'libvorbis')
    .replace(/^wasi-libc .*/, 'wasi-libc');
const archives = [];
const add = (label, file) => existsSync(file) && archives.push({ label: project(label), file });
for (const lib of [
  'avcodec',
  'avformat',
  'avfilter',
  'avutil',
  'swscale',
  'swresample',
  'postproc',
  'avdevice',
])
  add(`FFmpeg lib${lib}`, join(dir, `obj/ffmpeg/lib${lib}/lib${lib}.a`));
// ffmpeg and ffprobe, and the multi-call objects that rename their mains (build/steps/link.sh).
const fftools = join(dir, 'obj/ffmpeg');
for (const sub of ['fftools', 'multicall', 'multicall/ffprobe'])
  if (existsSync(join(fftools, sub)))
    for (const f of readdirSync(join(fftools, sub)))
      if (f.endsWith('.o')) add('FFmpeg fftools', join(fftools, sub, f));
const prefixLib = join(dir, 'prefix/lib');
for (const f of readdirSync(prefixLib).sort())
  if (f.endsWith('.a')) add(basename(f, '.a'), join(prefixLib, f));
const sysrootLib = join(dir, 'sysroot/lib/wasm32-wasi');
if (existsSync(sysrootLib))
  for (const f of readdirSync(sysrootLib))
    if (f.endsWith('.a')) add(`wasi-libc ${basename(f, '.a')}`, join(sysrootLib, f));
for (const f of ['/usr/lib/wasm32-wasi/libc++.a', '/usr/lib/wasm32-wasi/libc++abi.a'])
  add(basename(f, '.a'), f);

const owner = new Map();
for (const { label, file } of archives) {
  for (const name of definedSymbols(file)) {
    const seen = owner.get(name);
    if (seen === undefined) owner.set(name, label);
    else if (seen !== label) owner.set(name, null);
  }
}

const { importedFunctions, bodySizes, bodies, names, sections } = readModule(
  readFileSync(join(dir, 'out/afmpeg.wasm')),
);
const totals = new Map();
const bodiesOf = new Map();
const unowned = [];
for (const [i, size] of bodySizes.entries()) {
  const raw = names.get(importedFunctions + i) ?? '';
  // LTO renames promoted or cloned locals (foo.llvm.123, foo.1): the source name comes first.
  const name = raw.replace(/\.(llvm\.\d+|\d+|constprop\.\d+|specialized\.\d+)$/, '');
  const label = owner.has(name) ? (owner.get(name) ?? 'ambiguous (a name in two libraries)') : 'unattributed';
  totals.set(label, (totals.get(label) ?? 0) + size);
  bodiesOf.set(label, [...(bodiesOf.get(label) ?? []), bodies[i]]);
  if (!owner.get(name)) unowned.push([size, label, raw]);
}
const code = bodySizes.reduce((a, b) => a + b, 0);
const rows = [...totals].sort((a, b) => b[1] - a[1]);
const mb = (n) => (n / 1e6).toFixed(2);
// Each library's code compressed alone, with the build's brotli settings (build/tools/compress.mjs):
// an estimate of its share of the shipped .br (brotli across library borders does a little better).
const brotli = (buffers) => {
  const raw = Buffer.concat(buffers);
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }).length;
};
console.log(`| library | code (MB) | share of code | code alone, brotli (MB) |`);
console.log(`|---|---:|---:|---:|`);
for (const [label, size] of rows)
  console.log(
    `| ${label} | ${mb(size)} | ${((100 * size) / code).toFixed(1)} % | ${mb(brotli(bodiesOf.get(label)))} |`,
  );
console.log(
  `\ncode section ${mb(sections[10] ?? 0)} MB (${bodySizes.length} functions), data ${mb(sections[11] ?? 0)} MB, module ${mb(readFileSync(join(dir, 'out/afmpeg.wasm')).length)} MB`,
);
if (process.argv.includes('--detail'))
  for (const [size, label, name] of unowned.sort((a, b) => b[0] - a[0]).slice(0, 40))
    console.log(`${size}\t${label.split(' ')[0]}\t${name}`);
