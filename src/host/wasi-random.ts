import { fillRandom } from '#platform/random';

function randomU64(): bigint {
  const bytes = fillRandom(new Uint8Array(8));
  return new DataView(bytes.buffer).getBigUint64(0, true);
}

const randomFill = (len: bigint) => fillRandom(new Uint8Array(Number(len)));

/** `wasi:random/*`: all of it from the host's CSPRNG, the insecure kinds included. */
export function randomImports(): Record<string, Record<string, unknown>> {
  return {
    'wasi:random/random': { getRandomBytes: randomFill, getRandomU64: randomU64 },
    'wasi:random/insecure': { getInsecureRandomBytes: randomFill, getInsecureRandomU64: randomU64 },
    'wasi:random/insecure-seed': { insecureSeed: () => [randomU64(), randomU64()] },
  };
}
