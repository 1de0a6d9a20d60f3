import { defineConfig } from 'vitest/config';

// `npm run test:browser`: Chromium checks, apart from `npm test` (they need a browser).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser-test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
