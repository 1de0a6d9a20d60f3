import { fillRandom } from '#platform/random';
import { type DirEntryRecord, errnoError, type StatRecord, type VolumeBackend } from '../vfs/index.js';

const devices = ['null', 'zero', 'urandom', 'random'] as const;
type Device = (typeof devices)[number];

function refuse(code: string): never {
  throw errnoError(code);
}

/**
 * `/dev`: the few character devices FFmpeg reads or writes. `urandom` matters: FFmpeg's random
 * seed falls back to a busy loop on the clock when it cannot read it (the Matroska muxer hits it).
 */
export function deviceBackend(): VolumeBackend {
  const open = new Map<number, Device>();
  let nextFd = 1;
  const deviceAt = (path: string): Device => {
    const name = path.replace(/^\/+/, '') as Device;
    if (!devices.includes(name)) refuse('ENOENT');
    return name;
  };
  const stat = (kind: StatRecord['kind']): StatRecord => ({
    kind,
    size: 0,
    nlink: 1,
    ino: 0,
    atimeMs: 0,
    mtimeMs: 0,
    ctimeMs: 0,
  });
  const deviceOf = (fd: number): Device => open.get(fd) ?? refuse('EBADF');
  return {
    open(path) {
      const fd = nextFd++;
      open.set(fd, deviceAt(path));
      return fd;
    },
    close: (fd) => void open.delete(fd),
    read(fd, length) {
      const device = deviceOf(fd);
      if (device === 'null') return new Uint8Array(0);
      const bytes = new Uint8Array(length);
      if (device !== 'zero') fillRandom(bytes);
      return bytes;
    },
    write(fd, data) {
      deviceOf(fd);
      return data.length;
    },
    fstat(fd) {
      deviceOf(fd);
      return stat('character-device');
    },
    lstat(path) {
      if (path === '/' || path === '') return stat('directory');
      deviceAt(path);
      return stat('character-device');
    },
    truncate: (fd) => void deviceOf(fd),
    readdir: (): DirEntryRecord[] => devices.map((name) => ({ name, kind: 'character-device' })),
    mkdir: () => refuse('EROFS'),
    rmdir: () => refuse('EROFS'),
    unlink: () => refuse('EROFS'),
    rename: () => refuse('EROFS'),
    readlink: () => refuse('EINVAL'),
    symlink: () => refuse('EROFS'),
    utimes: () => undefined,
  };
}
