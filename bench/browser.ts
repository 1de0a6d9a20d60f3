/**
 * `npm run bench:browser`: afmpeg and ffmpeg.wasm (@ffmpeg/core 0.12.10, single thread, what
 * @ffmpeg/ffmpeg 0.12 runs) in Debian's Chromium, on the same page, one after the other, same
 * input: first-run latency (fetch + compile + instantiate + `-version`), W1 (10 s 720p
 * H.264/AAC -> libx264 veryfast + aac) and a 3 s GIF export. afmpeg's first run is measured from
 * the gzip copies (DecompressionStream) and from plain modules, and W1 on a page without
 * cross-origin isolation (volumes copied) as well.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { createEngine, Volume } from 'afmpeg';
import { chromium, type Page } from 'playwright-core';
import { bundlePage } from '../scripts/browser/bundle-page.js';
import { startStaticServer } from '../scripts/browser/static-server.js';

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const outdir = repo('bench/browser/.out/');
const mediaDir = mkdtempSync(join(tmpdir(), 'afmpeg-bench-browser-'));

// W1's input, made as bench/fixtures.ts makes it.
{
  const engine = createEngine({ concurrency: 1 });
  const vol = new Volume();
  await engine.run(vol, [
    ...['-hide_banner', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10'],
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      '/src720.mp4',
    ],
  ]);
  writeFileSync(join(mediaDir, 'src720.mp4'), vol.readFileSync('/src720.mp4') as Uint8Array);
  await engine.close();
}

await bundlePage(repo('bench/browser/bench-page.ts'), repo('bench/browser/index.html'), outdir);
const { build } = await import('esbuild');
await build({
  entryPoints: [repo('bench/browser/ffmpeg-wasm-worker.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  outdir,
  logLevel: 'silent',
});

// Plain modules for the encoding comparison: decompressed from the committed .br here.
const raw = (path: string) => {
  const m = /^\/wasm-raw\/(\w+)\/(afmpeg\.core\d*\.wasm)(\.gz)?$/.exec(path);
  if (!m) return undefined;
  if (m[3]) return { status: 404, body: new Uint8Array(0) };
  return {
    status: 200,
    type: 'application/wasm',
    body: brotliDecompressSync(readFileSync(repo(`wasm/${m[1]}/${m[2]}.br`))),
  };
};
const roots = {
  '/': outdir,
  '/wasm/': repo('wasm/'),
  '/wasm-raw/': repo('wasm/'),
  '/media/': mediaDir,
  '/ffmpeg-core/': repo('node_modules/@ffmpeg/core/dist/esm/'),
};
const isolated = await startStaticServer({ roots, isolated: true, override: raw });
const plain = await startStaticServer({ roots, isolated: false, override: raw });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
});

const results: Array<{ what: string; ms: number; note?: string }> = [];
const call = (page: Page, fn: string, arg?: string) =>
  page.evaluate(
    ([f, a]) =>
      (
        globalThis as unknown as { bench: Record<string, (x?: string) => Promise<Record<string, unknown>>> }
      ).bench[f as string]?.(a),
    [fn, arg] as const,
  ) as Promise<Record<string, unknown>>;
const record = (what: string, r: Record<string, unknown>) => {
  if (r.error || (r.code !== undefined && r.code !== 0)) throw new Error(`${what}: ${JSON.stringify(r)}`);
  const note = r.bytes === undefined ? undefined : `${r.bytes} bytes out`;
  results.push({ what, ms: Math.round(r.ms as number), ...(note ? { note } : {}) });
  console.log(`${what}: ${Math.round(r.ms as number)} ms${note ? ` (${note})` : ''}`);
};
const fresh = async (url: string) => {
  const page = await browser.newPage();
  await page.goto(`${url}/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return page;
};

const load = [loadavg()[0] ?? 0];
const chromiumVersion = browser.version();
try {
  for (const [what, base] of [
    ['afmpeg first run, gzip copies + DecompressionStream', '/wasm/'],
    ['afmpeg first run, plain .wasm (no compression on the wire)', '/wasm-raw/'],
  ] as const) {
    const page = await fresh(isolated.url);
    record(what, await call(page, 'afmpegFirstRun', base));
    await call(page, 'close');
    await page.close();
  }
  const page = await fresh(isolated.url);
  record(
    'ffmpeg.wasm first run (core fetch + compileStreaming + instantiate)',
    await call(page, 'wasmFirstRun'),
  );
  record('afmpeg first run (page with ffmpeg.wasm loaded)', await call(page, 'afmpegFirstRun', '/wasm/'));
  for (const job of ['W1', 'GIF']) {
    record(`${job}: afmpeg (cross-origin isolated, shared volume)`, await call(page, 'afmpegJob', job));
    record(`${job}: ffmpeg.wasm 0.12 single thread`, await call(page, 'wasmJob', job));
  }
  await call(page, 'close');
  await page.close();
  const plainPage = await fresh(plain.url);
  await call(plainPage, 'afmpegFirstRun', '/wasm/');
  record('W1: afmpeg (no isolation, volume copied)', await call(plainPage, 'afmpegJob', 'W1'));
  await call(plainPage, 'close');
  load.push(loadavg()[0] ?? 0);
} finally {
  await browser.close();
  await isolated.close();
  await plain.close();
}
const report = { chromium: chromiumVersion, loadAverage1m: load.map((l) => l.toFixed(1)), results };
writeFileSync(repo('bench/results/browser.local.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
