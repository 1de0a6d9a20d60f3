import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** The package's committed builds, which every test page loads from `/wasm/`. */
export const wasmDir = fileURLToPath(new URL('../../wasm/', import.meta.url));

/** Debian's Chromium (or `$CHROMIUM`), headless: a system browser, nothing downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true });
}
