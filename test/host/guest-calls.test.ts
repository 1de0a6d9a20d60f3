// The memory limit (and any other per-call check) must hold wherever the guest calls the host:
// free functions, and the methods of every resource it is handed — descriptors and streams are
// where all the I/O happens. Real host over a real memfs volume; the check is the engine's hook.
import { Volume } from 'afmpeg';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGuestCalls, createHost, deviceBackend } from '../../dist/host/index.js';
import { backendFromFs, type SyncFileSystem } from '../../dist/vfs/volume-backend.js';

class Stopped extends Error {}
let stop: (() => void) | undefined;
afterEach(() => stop?.());

function hostWithFile() {
  const vol = new Volume();
  vol.writeFileSync('/a.txt', 'hello');
  return createHost({
    mounts: [
      { at: '/', root: '/', backend: backendFromFs(vol as unknown as SyncFileSystem), readOnly: false },
      { at: '/dev', root: '/', backend: deviceBackend(), readOnly: false },
    ],
    argv: ['guest'],
    env: [],
    cwd: '/',
    stdin: { read: () => new Uint8Array(0) },
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
  });
}

type Table = Record<string, Record<string, unknown>>;
const member = <T>(imports: Table, iface: string, name: string) => imports[iface]?.[name] as T;

describe('R-AF-4: the per-call check runs on every call the guest can make', () => {
  it('every function import runs it first', () => {
    const { imports } = hostWithFile();
    stop = checkGuestCalls(() => {
      throw new Stopped();
    });
    const functions = Object.entries(imports).flatMap(([iface, members]) =>
      Object.entries(members)
        .filter(([name, m]) => typeof m === 'function' && !/^[A-Z]/.test(name))
        .map(([name, m]) => [`${iface}#${name}`, m as (...a: unknown[]) => unknown] as const),
    );
    expect(functions.length).toBeGreaterThan(20);
    for (const [name, fn] of functions) expect(() => fn(), name).toThrow(Stopped);
  });

  it('every method of every resource (descriptor, streams, pollable, error, listing) runs it first', () => {
    const { imports } = hostWithFile();
    // Real resources, made before the check is on, as the guest would hold them.
    type Root = {
      openAt(...a: unknown[]): { readViaStream(o: bigint): object; writeViaStream(o: bigint): object };
    };
    const [[root]] = member<() => [[Root, string]]>(imports, 'wasi:filesystem/preopens', 'getDirectories')();
    const file = root.openAt({ symlinkFollow: true }, 'a.txt', {}, { read: true, write: true });
    const input = file.readViaStream(0n);
    const output = file.writeViaStream(0n);
    const listing = (root as unknown as { readDirectory(): object }).readDirectory();
    const pollable = member<(d: bigint) => object>(
      imports,
      'wasi:clocks/monotonic-clock',
      'subscribeDuration',
    )(0n);
    const ErrorClass = member<new (m: string) => object>(imports, 'wasi:io/error', 'Error');
    const instances = [root, file, input, output, listing, pollable, new ErrorClass('e')];
    stop = checkGuestCalls(() => {
      throw new Stopped();
    });
    let methods = 0;
    for (const instance of instances) {
      const proto = Object.getPrototypeOf(instance) as Record<PropertyKey, unknown>;
      for (const key of Reflect.ownKeys(proto)) {
        const method = proto[key];
        if (key === 'constructor' || typeof method !== 'function') continue;
        methods++;
        expect(
          () => (method as () => unknown).call(instance),
          `${proto.constructor?.name}.${String(key)}`,
        ).toThrow(Stopped);
      }
    }
    expect(methods).toBeGreaterThan(40);
  });

  it('with the check off again, the same calls work', () => {
    const { imports } = hostWithFile();
    stop = checkGuestCalls(() => {
      throw new Stopped();
    });
    stop();
    stop = undefined;
    const [[root]] = member<() => [[{ stat(): { size: bigint } }, string]]>(
      imports,
      'wasi:filesystem/preopens',
      'getDirectories',
    )();
    expect(root.stat().size).toBeGreaterThanOrEqual(0n);
  });
});
