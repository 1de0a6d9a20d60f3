/**
 * A guest path made absolute and plain: `.` and empty names dropped, `..` applied (never above
 * `/`), no trailing slash. What `posix.normalize('/' + p)` gives, without `node:path`.
 */
export function normaliseGuestPath(p: string): string {
  const names: string[] = [];
  for (const name of p.split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') names.pop();
    else names.push(name);
  }
  return `/${names.join('/')}`;
}
