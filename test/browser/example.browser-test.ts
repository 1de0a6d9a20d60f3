import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, Volume } from 'afmpeg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundlePage, NODE_IN_BUNDLE } from '../../scripts/browser/bundle-page.js';
import { type StaticServer, startStaticServer } from '../../scripts/browser/static-server.js';
import { launchChromium, wasmDir } from './chromium.js';

// R-AF-19: the example page (examples/browser/), bundled and served as `npm run example:browser`
// does, used as a person would: make a sample clip, ask for a thumbnail sheet, convert. The
// screenshot of the result is then read back by afmpeg itself: a real picture, not a blank box.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outdir = here('./.out/example/');
let browser: Browser;
let server: StaticServer;
let bundle = '';

beforeAll(async () => {
  const { files } = await bundlePage(
    here('../../examples/browser/app.ts'),
    here('../../examples/browser/index.html'),
    outdir,
  );
  bundle = Object.keys(files).join(' ');
  server = await startStaticServer({
    roots: { '/': outdir, '/wasm/': wasmDir },
    isolated: false,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('R-AF-19: the example page converts a clip to a thumbnail sheet and shows it, with a download link', async () => {
  expect(bundle).toMatch(/app\.js/);
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.getByText('Ready.').waitFor({ timeout: 120_000 });
  await page.click('#sample');
  await page.getByText('sample.mp4 (made here)').waitFor({ timeout: 120_000 });
  await page.check('input[value=sheet]');
  await page.click('#convert');
  await page.locator('#status', { hasText: /Done in|Failed/ }).waitFor({ timeout: 300_000 });
  expect(await page.textContent('#status')).toMatch(/^Done in/);
  expect(await page.textContent('#download')).toMatch(/^Download sheet\.png \(\d+ KB\)$/);
  expect(await page.getAttribute('#download', 'download')).toBe('sheet.png');
  const shown = await page.$eval('#output', (img) => {
    const i = img as unknown as { naturalWidth: number; naturalHeight: number; complete: boolean };
    return { width: i.naturalWidth, height: i.naturalHeight, complete: i.complete };
  });
  // 4 x 3 tiles of 160 x 90, 2 px apart and around.
  expect(shown).toEqual({ width: 4 * 160 + 5 * 2, height: 3 * 90 + 4 * 2, complete: true });
  const shot = await page.screenshot({ fullPage: true });
  writeFileSync(`${outdir}/screenshot.png`, shot);
  const picture = await page.locator('#output').screenshot();
  expect(errors).toEqual([]);
  await page.close();

  // The shown picture, decoded: many distinct grey levels (testsrc2's pattern), not one colour.
  const engine = createEngine({ concurrency: 1 });
  try {
    const vol = new Volume();
    vol.writeFileSync('/shot.png', picture);
    const { stdout } = await engine.run(vol, [
      '-i',
      '/shot.png',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      'pipe:1',
    ]);
    const levels = new Set(stdout);
    expect(stdout.length).toBeGreaterThan(100_000);
    expect(levels.size).toBeGreaterThan(64);
  } finally {
    await engine.close();
  }
});

it('R-AF-19: the example bundle holds nothing of Node', async () => {
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(`${outdir}/app.js`, 'utf8')).not.toMatch(NODE_IN_BUNDLE);
});
