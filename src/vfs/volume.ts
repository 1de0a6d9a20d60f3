import { constants as bufferConstants } from 'node:buffer';
import {
  type DirectoryJSON,
  type IProcess,
  type NestedDirectoryJSON,
  Node,
  Superblock,
} from '@jsonjoy.com/fs-core';
import { Volume as MemfsVolume } from 'memfs';
import { ChunkStore } from './chunk-store.js';

/** A memfs inode whose bytes live in a `ChunkStore` instead of one Buffer. */
class ChunkedNode extends Node {
  #store = new ChunkStore();

  override getSize(): number {
    return this.#store.size;
  }

  /** A copy of the whole file, as memfs gives (`readFileSync`). */
  override getBuffer(): Buffer {
    this.atime = new Date();
    const size = this.#store.size;
    if (size > bufferConstants.MAX_LENGTH) {
      // What Node's own readFileSync throws for a file no Buffer can hold.
      throw Object.assign(
        new RangeError(`File size (${size}) is greater than ${bufferConstants.MAX_LENGTH} bytes`),
        { code: 'ERR_FS_FILE_TOO_LARGE' },
      );
    }
    const copy = Buffer.allocUnsafe(size);
    this.#store.read(copy, 0);
    return copy;
  }

  override setBuffer(buf: Buffer): void {
    this.#store = new ChunkStore();
    this.#store.write(buf, 0);
    this.touch();
  }

  override setString(str: string): void {
    this.setBuffer(Buffer.from(str, 'utf8'));
  }

  override write(buf: Buffer, off = 0, len = buf.length, pos = 0): number {
    const length = Math.min(len, buf.length - off);
    if (length <= 0) return 0;
    this.#store.write(buf.subarray(off, off + length), pos);
    this.touch();
    return length;
  }

  override read(buf: Buffer | ArrayBufferView | DataView, off = 0, len = buf.byteLength, pos = 0): number {
    this.atime = new Date();
    const length = Math.min(len, buf.byteLength - off);
    if (length <= 0) return 0;
    return this.#store.read(new Uint8Array(buf.buffer, buf.byteOffset + off, length), pos);
  }

  override truncate(len = 0): void {
    // Node clamps a negative length to an empty file.
    this.#store.truncate(Math.max(0, len));
    this.touch();
  }
}

/** memfs's superblock, making every inode a `ChunkedNode`. */
class ChunkedSuperblock extends Superblock {
  override createNode(mode: number): Node {
    // The base class numbers and registers the inode; the chunked one takes its place.
    const plain = super.createNode(mode);
    const node = new ChunkedNode(plain.ino, mode, plain.uid, plain.gid);
    this.inodes[node.ino] = node;
    return node;
  }
}

/**
 * memfs's `Volume`, with the same API, whose files are stored in chunks: a file grows without
 * being copied (memfs doubles one Buffer, which holds the old and new copies at once: a 2.5 GiB
 * file peaked at 4.5 GiB), and may pass 4 GiB. `readFileSync` of a file over 4 GiB throws, as
 * Node's does for a file no Buffer can hold; read it in pieces (`readSync`, `createReadStream`).
 *
 * @example
 * ```ts
 * import { Volume } from 'afmpeg';
 * const vol = new Volume();
 * vol.mkdirSync('/in', { recursive: true });
 * vol.writeFileSync('/in/a.png', pngBytes);
 * ```
 */
export class Volume extends MemfsVolume {
  static override readonly fromJSON = (
    json: DirectoryJSON,
    cwd?: string,
    opts?: { process?: IProcess },
  ): Volume => {
    const core = new ChunkedSuperblock(opts);
    core.fromJSON(json, cwd);
    return new Volume(core);
  };

  static override readonly fromNestedJSON = (
    json: NestedDirectoryJSON,
    cwd?: string,
    opts?: { process?: IProcess },
  ): Volume => {
    const core = new ChunkedSuperblock(opts);
    core.fromNestedJSON(json, cwd);
    return new Volume(core);
  };

  constructor(core: Superblock = new ChunkedSuperblock()) {
    super(core);
  }
}
