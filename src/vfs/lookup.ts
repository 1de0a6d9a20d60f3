import { errnoError, type OpenMode, type StatRecord, type VolumeBackend } from './volume-backend.js';

/** How to treat what `lookup` finds at the end of its names. */
export interface LookupRequest {
  /** A symbolic link as the last name is handed back to follow (true), or is the entry found. */
  followLast: boolean;
  /** Open the entry found, with `openat`'s rules; `readOnly` refuses anything that would change it. */
  open?: OpenMode & { readOnly: boolean };
}

/** What `lookup` found. */
export type LookupResult =
  /** `names[at]` is a symbolic link to follow; `target` is its text. Nothing was opened. */
  | { link: { at: number; target: string } }
  | {
      link?: undefined;
      /** The entry's own stat; undefined when it does not exist (`missing` says why). */
      stat: StatRecord | undefined;
      missing?: 'ENOENT' | 'ENOTDIR';
      /** The open file, when `open` was asked and the entry is a file. */
      fd?: number;
      /** Set when opening would have changed a read-only entry; nothing was opened. */
      refused?: 'read-only';
    };

/** `names` below the backend directory `dir`, as one backend path. */
export function backendPath(dir: string, names: readonly string[]): string {
  if (names.length === 0) return dir;
  return `${dir.endsWith('/') ? dir : `${dir}/`}${names.join('/')}`;
}

function lstatOrMissing(
  backend: VolumeBackend,
  path: string,
): { stat: StatRecord | undefined; missing?: 'ENOENT' | 'ENOTDIR' } {
  try {
    return { stat: backend.lstat(path) };
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { stat: undefined, missing: code };
    throw err;
  }
}

/**
 * Walks `names` (plain names: no `.`, no `..`, no mount point among them) down from `dir`, stopping
 * at the first symbolic link it has to follow, and opens what it finds if asked: everything a
 * guest's `open` needs from one backend, so that a volume across a thread answers it in one round
 * trip. A backend may answer it itself (`VolumeBackend.lookup`, one call over a channel); any other
 * is walked here call by call.
 */
export function lookup(
  backend: VolumeBackend,
  dir: string,
  names: readonly string[],
  request: LookupRequest,
): LookupResult {
  if (backend.lookup) return backend.lookup(dir, names, request);
  let found = names.length === 0 ? lstatOrMissing(backend, dir) : { stat: undefined };
  for (let i = 0; i < names.length; i++) {
    const path = backendPath(dir, names.slice(0, i + 1));
    found = lstatOrMissing(backend, path);
    if (found.stat?.kind === 'symbolic-link' && (i < names.length - 1 || request.followLast)) {
      return { link: { at: i, target: backend.readlink(path) } };
    }
    // Below a missing entry everything is missing; the last one's reason is the one reported.
    if (found.stat === undefined) {
      if (i < names.length - 1) found = lstatOrMissing(backend, backendPath(dir, names));
      break;
    }
  }
  if (!request.open) return found;
  return { ...openFound(backend, backendPath(dir, names), found.stat, request.open), ...found };
}

/** `openat`'s checks, in the order WASI hosts make them, then the open. */
function openFound(
  backend: VolumeBackend,
  path: string,
  stat: StatRecord | undefined,
  o: OpenMode & { readOnly: boolean },
): { fd?: number; refused?: 'read-only' } {
  if (stat && o.create && o.exclusive) throw errnoError('EEXIST', path);
  if (!stat && (!o.create || o.directory)) throw errnoError('ENOENT', path);
  if (stat && o.directory && stat.kind !== 'directory') throw errnoError('ENOTDIR', path);
  if (o.readOnly && (o.write || o.truncate || (o.create && !stat))) return { refused: 'read-only' };
  if (stat?.kind === 'directory') {
    if (o.write || o.truncate) throw errnoError('EISDIR', path);
    return {};
  }
  if (stat?.kind === 'symbolic-link') throw errnoError('ELOOP', path);
  const { readOnly: _, ...mode } = o;
  return { fd: backend.open(path, { ...mode, directory: false }) };
}
