import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseGuestPath } from '../../dist/engine/guest-path.js';

// The engine normalised mount and working-directory paths with node:path until it had to run in
// a browser; its own normaliser must answer exactly what that did.
const before = (p: string) => {
  const n = posix.normalize(`/${p}`);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
};

describe('normaliseGuestPath answers what posix.normalize did', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['in', '/in'],
    ['/in/', '/in'],
    ['//in//a///', '/in/a'],
    ['/in/./a', '/in/a'],
    ['/in/../out', '/out'],
    ['../../etc', '/etc'],
    ['/a/b/../../..', '/'],
    ['/a/.../b', '/a/.../b'],
    ['./', '/'],
    ['/a/..b/c', '/a/..b/c'],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseGuestPath(input)).toBe(expected);
    expect(before(input)).toBe(expected);
  });
});
