import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README shows code that runs: its quick tour is examples/quick-tour.ts below the marker, and
// the examples test runs that file.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README', () => {
  it('shows the quick tour exactly as examples/quick-tour.ts runs it', () => {
    const readme = read('README.md');
    const tour = readme.slice(readme.indexOf('## A quick tour'));
    const block = /```ts\n([\s\S]*?)```/.exec(tour)?.[1];
    const example = read('examples/quick-tour.ts').split('// --- README quick tour ---\n')[1];
    expect(example).toBeDefined();
    expect(block).toBe(example);
  });

  it('shows what a build carries exactly as examples/components.ts runs it', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Builds (variants)'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const example = read('examples/components.ts').split('// --- README components ---\n')[1];
    expect(example).toBeDefined();
    expect(block).toBe(example);
  });

  it('sets up with two command lines: install and run the main example, then test', () => {
    expect(read('README.md')).toContain('npm ci && npm run example:reel');
    expect(read('README.md')).toMatch(/^npm test\s/m);
  });
});
