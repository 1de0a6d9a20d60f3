import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, NODE_IN_BUNDLE } from '../../scripts/browser/bundle-page.js';
import { type StaticServer, startStaticServer } from '../../scripts/browser/static-server.js';
import { launchChromium, wasmDir } from './chromium.js';

// R-AF-19: the public API in a real browser (Debian's Chromium, headless), bundled by esbuild with
// the `browser` condition, on a cross-origin isolated page (volumes served live over shared
// memory) and on an ordinary one (volumes copied to the worker and back).
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outdir = here('./.out/');
const wasm = wasmDir;

type Checks = Record<string, () => Promise<unknown>>;

let browser: Browser;
let bundleText = '';
const fetched: string[] = [];

/** `afmpeg.core4.wasm.gz` with one byte of the module changed: what a swapped file looks like. */
function tampered(path: string) {
  if (!path.startsWith('/wasm-tampered/')) return undefined;
  const real = path.replace('/wasm-tampered/', '');
  if (!real.endsWith('afmpeg.core4.wasm.gz')) return undefined;
  const module = gunzipSync(readFileSync(`${wasm}/${real}`));
  module[module.length - 1] = (module[module.length - 1] as number) ^ 1;
  return { status: 200, body: gzipSync(module) };
}

const servers: Record<'isolated' | 'plain', StaticServer | undefined> = {
  isolated: undefined,
  plain: undefined,
};

beforeAll(async () => {
  const { files } = await bundlePage(here('./page.ts'), here('./index.html'), outdir);
  bundleText = Object.keys(files)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const mode of ['isolated', 'plain'] as const) {
    servers[mode] = await startStaticServer({
      roots: { '/': outdir, '/wasm/': wasm, '/wasm-tampered/': wasm },
      isolated: mode === 'isolated',
      onRequest: (p) => fetched.push(p),
      override: tampered,
    });
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s?.close()));
});

it('R-AF-19: the browser bundle holds nothing of Node (no node: imports, no Buffer)', () => {
  expect(bundleText.length).toBeGreaterThan(10_000);
  expect(bundleText).toMatch(/MemoryVolume/);
  expect(bundleText).not.toMatch(NODE_IN_BUNDLE);
});

describe.each(['isolated', 'plain'] as const)('R-AF-19: in Chromium, %s page', (mode) => {
  let page: Page;
  const pageErrors: string[] = [];
  const run = <T>(name: string) =>
    page.evaluate(
      (n) => (globalThis as unknown as { afmpegChecks: Checks }).afmpegChecks[n]?.(),
      name,
    ) as Promise<T>;

  beforeAll(async () => {
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${servers[mode]?.url}/`);
    await page.waitForFunction(() => 'afmpegChecks' in globalThis);
  });
  afterAll(async () => {
    await page?.close();
  });

  it(`is ${mode === 'isolated' ? '' : 'not '}cross-origin isolated, so volumes are ${mode === 'isolated' ? 'shared live' : 'copied'}`, async () => {
    expect(await run('environment')).toEqual({
      crossOriginIsolated: mode === 'isolated',
      sharedArrayBuffer: mode === 'isolated',
    });
  });

  it('loads the build from gzip copies, verified against the provenance, and runs', async () => {
    const { ms } = await run<{ ms: number }>('firstRun');
    expect(ms).toBeGreaterThan(0);
    expect(fetched).toContain('/wasm/gpl/afmpeg.core.wasm.gz');
    expect(fetched).toContain('/wasm/gpl/PROVENANCE.json');
  });

  it('transcodes with progress, and the output probes (H.264/AAC, scaled)', async () => {
    const r = await run<Record<string, unknown>>('transcode');
    expect(r.streams).toEqual([
      { codec: 'h264', width: 160, height: 120 },
      { codec: 'aac', width: undefined, height: undefined },
    ]);
    expect(r.duration).toBeCloseTo(2, 0);
    expect(r.lastPercent).toBeGreaterThan(90);
    expect(r.firstAttempt).toBe('first attempt: FFmpegExitError');
    expect(r.inputSize).toBeGreaterThan(1000);
  });

  it("renders the builder's reel (PNG cards, xfade chain, audio mix) to H.264/AAC", async () => {
    const r = await run<Record<string, unknown>>('reel');
    expect(r.streams).toEqual([
      { codec: 'h264', width: 180, height: 320 },
      { codec: 'aac', width: undefined, height: undefined },
    ]);
    expect(r.duration).toBeCloseTo(5, 0);
    expect(r.lastPercent).toBeGreaterThan(90);
  });

  it('cancels with RunAbortedError, and the next run on the engine works', async () => {
    const r = await run<{ error: Record<string, unknown>; progressBeforeAbort: number; after: string[] }>(
      'cancelThenRun',
    );
    expect(r.error).toMatchObject({ name: 'RunAbortedError', isRunAborted: true, isAfmpegError: true });
    expect(r.progressBeforeAbort).toBeGreaterThanOrEqual(1);
    expect(r.after).toEqual(['h264', 'aac']);
  });

  it('rejects a bad input with InvalidMediaError, the input untouched, the engine usable', async () => {
    const r = await run<Record<string, unknown>>('badInput');
    expect(r.error).toMatchObject({ name: 'InvalidMediaError', isInvalidMedia: true });
    expect(r.inputUntouched).toBe(true);
    expect(r.after).toEqual(['h264', 'aac']);
  });

  it('runs two jobs at once on a 2-worker engine', async () => {
    const r = await run<Record<string, unknown>>('twoAtOnce');
    expect(r).toEqual({ codecs: ['h264', 'h264'], overlapped: true, concurrency: 2 });
  });

  it('refuses a module that does not match its provenance (BuildIntegrityError)', async () => {
    const r = await run<Record<string, unknown>>('tampered');
    expect(r).toMatchObject({ name: 'BuildIntegrityError', isBuildIntegrity: true });
    expect(r.message).toMatch(/afmpeg\.core4\.wasm .*does not match its provenance/);
  });

  it('threw nothing uncaught in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
