// The WASI filesystem layer on its own, the way the component glue calls it: resources, flags,
// offsets, error codes thrown as strings. FFmpeg-level behaviour is in volume-semantics.test.ts.
import { Volume } from 'afmpeg';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Descriptor } from '../../dist/host/descriptor.js';
import { deviceBackend } from '../../dist/host/device-backend.js';
import { createWasiFilesystem, type WasiFilesystem } from '../../dist/host/wasi-filesystem.js';
import { InputStream, OutputStream } from '../../dist/host/wasi-io.js';
import { backendFromFs, type SyncFileSystem } from '../../dist/vfs/volume-backend.js';

let vol: Volume;
let fs: WasiFilesystem;
let root: Descriptor;

const rw = { read: true, write: true };
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

beforeEach(() => {
  vol = new Volume();
  vol.mkdirSync('/in');
  vol.mkdirSync('/secret');
  vol.writeFileSync('/in/a.txt', 'hello world');
  vol.writeFileSync('/secret/key', 'k');
  vol.symlinkSync('../secret/key', '/in/escape');
  vol.symlinkSync('/a.txt', '/in/abs');
  const backend = backendFromFs(vol as unknown as SyncFileSystem);
  fs = createWasiFilesystem([
    { at: '/', root: '/', backend, readOnly: false },
    { at: '/ro', root: '/in', backend, readOnly: true },
    { at: '/dev', root: '/', backend: deviceBackend(), readOnly: false },
  ]);
  const preopens = fs.imports['wasi:filesystem/preopens'] as {
    getDirectories(): Array<[Descriptor, string]>;
  };
  const first = preopens.getDirectories()[0];
  if (!first) throw new Error('no preopen');
  root = first[0];
  expect(first[1]).toBe('/');
});

describe('wasi:filesystem over a volume', () => {
  it('R-AF-2: reads and writes at offsets, through streams, with append and truncate', () => {
    const file = root.openAt({ symlinkFollow: true }, 'in/b.bin', { create: true }, rw);
    expect(file.write(new TextEncoder().encode('aaaaaaaa'), 0n)).toBe(8n);
    file.write(new TextEncoder().encode('BB'), 2n);
    const out = file.appendViaStream();
    expect(out).toBeInstanceOf(OutputStream);
    out.blockingWriteAndFlush(new TextEncoder().encode('cc'));
    expect(vol.readFileSync('/in/b.bin', 'utf8')).toBe('aaBBaaaacc');
    const [bytes, eof] = file.read(100n, 4n);
    expect(new TextDecoder().decode(bytes)).toBe('aaaacc');
    expect(eof).toBe(true);
    const input = file.readViaStream(8n);
    expect(input).toBeInstanceOf(InputStream);
    expect(new TextDecoder().decode(input.blockingRead(10n))).toBe('cc');
    expect(thrown(() => input.blockingRead(10n))).toEqual({ tag: 'closed' });
    file.setSize(3n);
    expect(file.stat()).toMatchObject({ type: 'regular-file', size: 3n });
    const again = root.openAt({}, 'in/b.bin', { truncate: true }, rw);
    expect(again.stat().size).toBe(0n);
  });

  it('R-AF-2: open flags: exclusive, directory, missing', () => {
    expect(thrown(() => root.openAt({}, 'in/a.txt', { create: true, exclusive: true }, rw))).toBe('exist');
    expect(thrown(() => root.openAt({}, 'in/none', {}, { read: true }))).toBe('no-entry');
    expect(thrown(() => root.openAt({}, 'in/a.txt', { directory: true }, { read: true }))).toBe(
      'not-directory',
    );
    const dir = root.openAt({}, 'in', { directory: true }, { read: true });
    expect(dir.getType()).toBe('directory');
    expect(thrown(() => dir.read(1n, 0n))).toBe('is-directory');
  });

  it('R-AF-2: directory listing includes mount points; mkdir, rename, unlink, rmdir', () => {
    const names = (d: Descriptor) => {
      const stream = d.readDirectory();
      const out: string[] = [];
      for (let e = stream.readDirectoryEntry(); e; e = stream.readDirectoryEntry()) out.push(e.name);
      return out.sort();
    };
    expect(names(root)).toEqual(['dev', 'in', 'ro', 'secret']);
    root.createDirectoryAt('out');
    root.renameAt('in/a.txt', root, 'out/moved.txt');
    expect(vol.readFileSync('/out/moved.txt', 'utf8')).toBe('hello world');
    root.unlinkFileAt('out/moved.txt');
    root.removeDirectoryAt('out');
    expect(vol.existsSync('/out')).toBe(false);
    expect(thrown(() => root.removeDirectoryAt('in'))).toBe('not-empty');
  });

  it('R-AF-2: `..` above the root and absolute paths are refused and recorded', () => {
    expect(thrown(() => root.openAt({}, '../etc/passwd', {}, { read: true }))).toBe('not-permitted');
    expect(thrown(() => root.openAt({}, '/etc/passwd', {}, { read: true }))).toBe('not-permitted');
    expect(fs.namespace.violations.map((v) => v.kind)).toEqual(['path-escape', 'path-escape']);
    // Lexical `..` that stays inside is fine.
    expect(root.statAt({}, 'in/../in/a.txt').size).toBe(11n);
  });

  it('R-AF-2: symlinks are contained in their mount; absolute targets mean the mount root', () => {
    // Inside the root mount the link to ../secret/key is fine.
    expect(root.statAt({ symlinkFollow: true }, 'in/escape').size).toBe(1n);
    // Seen through /ro (rooted at /in) the same link climbs out of the mount.
    expect(thrown(() => root.openAt({ symlinkFollow: true }, 'ro/escape', {}, { read: true }))).toBe(
      'not-permitted',
    );
    expect(fs.namespace.violations).toEqual([{ kind: 'path-escape', path: '/ro/escape' }]);
    // /ro/abs -> /a.txt resolves to the mount's root, i.e. /in/a.txt in the volume.
    const f = root.openAt({ symlinkFollow: true }, 'ro/abs', {}, { read: true });
    expect(new TextDecoder().decode(f.read(100n, 0n)[0])).toBe('hello world');
  });

  it('R-AF-2: a read-only mount refuses every change and records it', () => {
    expect(thrown(() => root.openAt({}, 'ro/new.txt', { create: true }, rw))).toBe('read-only');
    expect(thrown(() => root.openAt({}, 'ro/a.txt', {}, rw))).toBe('read-only');
    expect(thrown(() => root.unlinkFileAt('ro/a.txt'))).toBe('read-only');
    expect(thrown(() => root.createDirectoryAt('ro/d'))).toBe('read-only');
    expect(root.openAt({}, 'ro/a.txt', {}, { read: true }).stat().size).toBe(11n);
    expect(fs.namespace.violations.every((v) => v.kind === 'read-only')).toBe(true);
    expect(vol.existsSync('/in/new.txt')).toBe(false);
  });

  it('R-AF-2: /dev/null swallows, /dev/urandom gives random bytes', () => {
    const nul = root.openAt({}, 'dev/null', {}, rw);
    expect(nul.write(new Uint8Array(10), 0n)).toBe(10n);
    expect(nul.read(10n, 0n)[0].length).toBe(0);
    const rnd = root.openAt({}, 'dev/urandom', {}, { read: true });
    const a = rnd.readViaStream(0n).blockingRead(32n);
    const b = rnd.readViaStream(0n).blockingRead(32n);
    expect(a.length).toBe(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
