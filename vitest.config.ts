import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import 'afmpeg' exactly as a user does: the compiled package in dist/, so the engine's
// worker threads run the same JavaScript a user's would.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^afmpeg\/recipes$/,
        replacement: fileURLToPath(new URL('./dist/recipes/index.js', import.meta.url)),
      },
      { find: /^afmpeg$/, replacement: fileURLToPath(new URL('./dist/index.js', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'test/tsconfig.json' },
  },
});
