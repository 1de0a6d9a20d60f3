import { randomFillSync } from 'node:crypto';

/** Fills `bytes` from the host's CSPRNG. */
export function fillRandom(bytes: Uint8Array): Uint8Array {
  return randomFillSync(bytes);
}
