import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NODE_IN_BUNDLE } from '../../scripts/browser/bundle-page.js';
import { type StaticServer, startStaticServer } from '../../scripts/browser/static-server.js';
import { launchChromium, wasmDir } from './chromium.js';

// R-AF-19: a bundler picks the browser build with no configuration. Vite builds a page that
// imports 'afmpeg' with no config file and no options beyond where to write; the page then runs
// a real encode in Chromium through the worker Vite emitted.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('./.out/vite/');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  await build({
    root: here('./vite-page/'),
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  server = await startStaticServer({
    roots: { '/': outDir, '/wasm/': wasmDir },
    isolated: false,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('R-AF-19: Vite, unconfigured, bundles a page that encodes and probes in Chromium', async () => {
  const assets = readdirSync(`${outDir}/assets`);
  // The run worker is an asset of its own, found from the library's `new Worker(new URL(…))`.
  expect(assets.filter((f) => /^run-worker-.*\.js$/.test(f))).toHaveLength(1);
  for (const js of assets.filter((f) => f.endsWith('.js'))) {
    expect(NODE_IN_BUNDLE.test(readFileSync(`${outDir}/assets/${js}`, 'utf8')), js).toBe(false);
  }
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.locator('#out', { hasText: /^(done|failed)/ }).waitFor({ timeout: 300_000 });
  expect(await page.textContent('#out')).toBe('done h264 64x48 10 frames');
  expect(errors).toEqual([]);
});
