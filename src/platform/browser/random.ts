/** `getRandomValues` fills at most this many bytes per call. */
const QUOTA = 65536;

/** Fills `bytes` from the browser's CSPRNG. */
export function fillRandom(bytes: Uint8Array): Uint8Array {
  for (let at = 0; at < bytes.length; at += QUOTA) {
    crypto.getRandomValues(bytes.subarray(at, at + QUOTA));
  }
  return bytes;
}
