// `npm run example:browser`: bundles examples/browser/app.ts (esbuild, browser condition) and
// serves the page, cross-origin isolated, with the package's wasm/ beside it.
import { fileURLToPath } from 'node:url';
import { bundlePage } from '../../scripts/browser/bundle-page.js';
import { startStaticServer } from '../../scripts/browser/static-server.js';

const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const outdir = repo('examples/browser/.out/');
await bundlePage(repo('examples/browser/app.ts'), repo('examples/browser/index.html'), outdir);
const port = Number(process.env.PORT ?? 8080);
const { url } = await startStaticServer({
  roots: { '/': outdir, '/wasm/': repo('wasm/') },
  isolated: process.env.ISOLATED !== '0',
  port,
});
console.log(`afmpeg browser example: ${url}/  (Ctrl-C to stop)`);
