/**
 * Gives a core module's own memory a maximum, so that `memory.grow` past it fails inside the guest
 * (malloc returns NULL, FFmpeg reports ENOMEM) instead of the host's RSS following the guest to
 * 4 GiB. A wasm memory defined by a module cannot be limited from outside, and its growth cannot be
 * observed; its declared maximum is the one place a limit holds at the moment memory grows. Only
 * the memory section is rewritten; every other byte of the module stays as built.
 */

const PAGE = 65536;
const MEMORY_SECTION = 5;

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const byte = bytes[i++] as number;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, i];
    shift += 7;
  }
}

function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return out;
}

/** The pages a byte limit allows (at least one). */
export function pagesFor(limitBytes: number): number {
  return Math.max(1, Math.floor(limitBytes / PAGE));
}

/**
 * The module's bytes with every plain 32-bit memory it defines capped at `maxPages` (never below
 * its initial size). Returns undefined when the module defines no memory it can cap.
 */
export function withMemoryMaximum(module: Uint8Array, maxPages: number): Uint8Array | undefined {
  let at = 8; // magic and version
  while (at < module.length) {
    const id = module[at] as number;
    const [size, body] = readLeb(module, at + 1);
    const end = body + size;
    if (id !== MEMORY_SECTION) {
      at = end;
      continue;
    }
    const [count, first] = readLeb(module, body);
    const rewritten: number[] = leb(count);
    let p = first;
    for (let i = 0; i < count; i++) {
      const flags = module[p++] as number;
      // Shared (2) or 64-bit (4) memories are not what this build makes; leave the module alone.
      if (flags > 1) return undefined;
      const [min, afterMin] = readLeb(module, p);
      p = afterMin;
      let max = Number.POSITIVE_INFINITY;
      if (flags === 1) [max, p] = readLeb(module, p);
      rewritten.push(1, ...leb(min), ...leb(Math.max(min, Math.min(max, maxPages))));
    }
    const section = [MEMORY_SECTION, ...leb(rewritten.length), ...rewritten];
    const out = new Uint8Array(at + section.length + (module.length - end));
    out.set(module.subarray(0, at), 0);
    out.set(section, at);
    out.set(module.subarray(end), at + section.length);
    return out;
  }
  return undefined;
}
