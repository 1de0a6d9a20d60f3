import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { build, type Metafile } from 'esbuild';

/**
 * Bundles a page and the run worker as a user's bundler would: esbuild, `platform: 'browser'` (so
 * the package's `browser` condition picks the browser platform files), no other configuration.
 * esbuild does not emit workers from `new Worker(new URL(…))`, so `afmpeg/run-worker` is an entry
 * of its own and the page passes its URL.
 */
export async function bundlePage(
  page: string,
  html: string,
  outdir: string,
): Promise<{ files: Metafile['outputs'] }> {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    // The page's bundle keeps the source's name (`app.ts` -> `app.js`), as its HTML loads it.
    entryPoints: { [basename(page, extname(page))]: page, 'run-worker': 'afmpeg/run-worker' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  copyFileSync(html, `${outdir}/index.html`);
  return { files: result.metafile.outputs };
}

/** What of Node a browser bundle must not contain: its built-in modules, and Buffer. */
export const NODE_IN_BUNDLE =
  /\b(?:from|import|require)\s*\(?\s*["'](?:node:|(?:fs|zlib|crypto|os|path|worker_threads|buffer|stream|events|url|util|perf_hooks)["'/])|\bBuffer\.(?:from|alloc|concat)\b/;
