import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildSource, OpenedBuild } from '../../engine/build-source.js';
import { BuildIntegrityError } from '../../engine/errors.js';
import type { VariantName } from '../../engine/types.js';

/** The committed builds, `wasm/<variant>/`, beside `dist/` in the package. */
export const wasmRoot = fileURLToPath(new URL('../../../wasm/', import.meta.url));

/** The variants present in this package (a build may ship only some). */
export function committedVariants(): VariantName[] {
  return (['gpl', 'lgpl', 'lean'] as const).filter((v) => existsSync(join(wasmRoot, v, 'PROVENANCE.json')));
}

/** Throws the error a variant this package does not ship gets, naming the ones it does. */
function assertAvailable(variant: VariantName): void {
  if (!committedVariants().includes(variant)) {
    throw new BuildIntegrityError(
      `no FFmpeg build for variant ${variant} in this package; available here: ${committedVariants().join(', ') || 'none'}`,
    );
  }
}

/** A committed variant's `PROVENANCE.json`, read at once (what `variantComponents` answers from). */
export function committedProvenance(variant: VariantName): { bytes: Uint8Array; where: string } {
  assertAvailable(variant);
  const where = join(wasmRoot, variant, 'PROVENANCE.json');
  return { bytes: readFileSync(where), where };
}

/**
 * A committed variant's files: its own directory, except the glue, which variants with the same
 * component imports share, stored by content as `wasm/glue/afmpeg-<sha256 prefix>.js` (see
 * build/steps/install.sh). The variant's provenance names it by its sha256. (`artifactsUrl` is a
 * browser's: Node reads the package's own files.)
 */
export async function committedBuild(
  variant: VariantName,
  _artifactsUrl?: string | URL,
): Promise<OpenedBuild> {
  const { bytes: provenanceBytes, where } = committedProvenance(variant);
  const pins = JSON.parse(new TextDecoder().decode(provenanceBytes)) as {
    files?: Array<{ name?: unknown; sha256?: unknown }>;
  };
  const glueSha256 = pins.files?.find((f) => f.name === 'afmpeg.js')?.sha256;
  const dir = join(wasmRoot, variant);
  const glue = join(wasmRoot, 'glue', `afmpeg-${String(glueSha256 ?? '').slice(0, 16)}.js`);
  const source: BuildSource = {
    describe: dir,
    read: async (name) => readFileSync(name === 'afmpeg.js' ? glue : join(dir, name)),
  };
  return { source, provenanceBytes, provenanceWhere: where };
}

function directorySource(dir: string): BuildSource {
  return { describe: dir, read: async (name) => readFileSync(join(dir, name)) };
}

function urlSource(base: URL): BuildSource {
  const root = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  return {
    describe: root.href,
    async read(name) {
      const response = await fetch(new URL(name, root));
      if (!response.ok) throw new BuildIntegrityError(`${name} from ${root.href}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** Where a `VerifiedVariant`'s files are: a directory, a `file:` URL or an http(s) base URL. */
export function locatedSource(where: string | URL): BuildSource {
  const url =
    where instanceof URL ? where : /^[a-z][a-z0-9+.-]*:\/\//i.test(where) ? new URL(where) : undefined;
  if (url === undefined) return directorySource(where as string);
  if (url.protocol === 'file:') return directorySource(fileURLToPath(url));
  if (url.protocol === 'http:' || url.protocol === 'https:') return urlSource(url);
  throw new BuildIntegrityError(`cannot load a build from ${url.protocol} URLs`);
}
