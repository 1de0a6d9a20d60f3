import { randomBytes, randomFillSync } from 'node:crypto';

function randomU64(): bigint {
  return randomBytes(8).readBigUInt64LE(0);
}

const randomFill = (len: bigint) => randomFillSync(new Uint8Array(Number(len)));

/** `wasi:random/*`: all of it from the host's CSPRNG, the insecure kinds included. */
export function randomImports(): Record<string, Record<string, unknown>> {
  return {
    'wasi:random/random': { getRandomBytes: randomFill, getRandomU64: randomU64 },
    'wasi:random/insecure': { getInsecureRandomBytes: randomFill, getInsecureRandomU64: randomU64 },
    'wasi:random/insecure-seed': { insecureSeed: () => [randomU64(), randomU64()] },
  };
}
