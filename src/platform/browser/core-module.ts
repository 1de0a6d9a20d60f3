import type { BuildSource, CoreModule, ProvenanceFile } from '../../engine/build-source.js';
import { BuildIntegrityError } from '../../engine/errors.js';

/** Checks `bytes` against the sha256 the provenance pins for `name`; throws `BuildIntegrityError`. */
export type VerifyFile = (name: string, bytes: Uint8Array, pinned: string | undefined) => Promise<void>;

interface Decompressor {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<Uint8Array>;
}
type DecompressionStreamClass = new (format: 'gzip') => Decompressor;

/**
 * A core module in a browser, which has no brotli decoder (`DecompressionStream` takes gzip and
 * deflate): the gzip copy made from the committed `.wasm.br` (`npm run build:browser-wasm`), else
 * the plain module (which a server may send with its own `Content-Encoding`). Decompression and
 * compilation stream as the bytes arrive; the decompressed bytes are checked against the module's
 * sha256 in the provenance before the module is used, so what was checked is what runs.
 */
export async function loadCoreModule(
  source: BuildSource,
  file: ProvenanceFile,
  verify: VerifyFile,
): Promise<CoreModule> {
  const name = file.module ?? file.name.replace(/\.br$/, '');
  const pinned = file.module ? file.moduleSha256 : file.sha256;
  if (!source.fetch) throw new BuildIntegrityError(`${source.describe} cannot be fetched`);
  const gzip = await source.fetch(`${name}.gz`).catch(() => undefined);
  const response = gzip ?? (await source.fetch(name));
  let body = response.body as ReadableStream<Uint8Array>;
  if (gzip) {
    const Decompress = (globalThis as unknown as { DecompressionStream: DecompressionStreamClass })
      .DecompressionStream;
    body = body.pipeThrough(new Decompress('gzip'));
  }
  const [toCompile, toCheck] = body.tee();
  const { compileStreaming } = WebAssembly as unknown as {
    compileStreaming(source: Response): Promise<WebAssembly.Module>;
  };
  const compiled = compileStreaming(
    new Response(toCompile, { headers: { 'content-type': 'application/wasm' } }),
  );
  // A failed compile of a wrong file must not surface as an unhandled rejection: the check says why.
  compiled.catch(() => undefined);
  const bytes = new Uint8Array(await new Response(toCheck).arrayBuffer());
  await verify(name, bytes, pinned);
  return { name, module: await compiled, bytes };
}
