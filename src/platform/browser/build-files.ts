import type { BuildSource, OpenedBuild } from '../../engine/build-source.js';
import { BuildIntegrityError } from '../../engine/errors.js';
import type { VariantName } from '../../engine/types.js';

/** The package's `wasm/` as served beside its `dist/` (unbundled); a bundled page passes `artifactsUrl`. */
// (Vite would warn that the directory does not exist at build time: it is served, not bundled.)
const defaultArtifacts = new URL(/* @vite-ignore */ '../../../wasm/', import.meta.url);

/** A page cannot list what a server holds: no variant is known to be there until it is fetched. */
export function committedVariants(): VariantName[] {
  return [];
}

/** A page cannot read a file at once: `variantComponents` is Node's; use `engine.components()`. */
export function committedProvenance(variant: VariantName): { bytes: Uint8Array; where: string } {
  throw new BuildIntegrityError(
    `variantComponents('${variant}') reads the package's files at once, which a browser cannot: use engine.components()`,
  );
}

const pageUrl = () => (globalThis as { location?: { href: string } }).location?.href;

function urlSource(base: URL): BuildSource {
  const root = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  const fetchFile = async (name: string) => {
    const response = await fetch(new URL(name, root));
    if (!response.ok) throw new BuildIntegrityError(`${name} from ${root.href}: HTTP ${response.status}`);
    return response;
  };
  return {
    describe: root.href,
    fetch: fetchFile,
    read: async (name) => new Uint8Array(await (await fetchFile(name)).arrayBuffer()),
  };
}

/** A `VerifiedVariant`'s base URL (relative to the page). */
export function locatedSource(where: string | URL): BuildSource {
  const url = new URL(where, pageUrl());
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'blob:') {
    throw new BuildIntegrityError(`cannot load a build from ${url.protocol} URLs in a browser`);
  }
  return urlSource(url);
}

/**
 * A committed variant, fetched from where the page serves the package's `wasm/` directory. The
 * glue is shared by content (`glue/afmpeg-<sha256 prefix>.js`), named by the provenance. Its
 * provenance is the package's own, as in Node; every module is checked against it.
 */
export async function committedBuild(
  variant: VariantName,
  artifactsUrl?: string | URL,
): Promise<OpenedBuild> {
  const base = new URL(artifactsUrl ?? defaultArtifacts, pageUrl());
  const root = new URL(`${base.href.replace(/\/?$/, '/')}${variant}/`);
  const source = urlSource(root);
  const provenanceBytes = await source.read('PROVENANCE.json').catch((err: unknown) => {
    throw err instanceof BuildIntegrityError && /HTTP 404/.test(err.message)
      ? new BuildIntegrityError(`no FFmpeg build for variant ${variant} at ${root.href}`, { cause: err })
      : err;
  });
  const pins = JSON.parse(new TextDecoder().decode(provenanceBytes)) as {
    files?: Array<{ name?: unknown; sha256?: unknown }>;
  };
  const glueSha256 = String(pins.files?.find((f) => f.name === 'afmpeg.js')?.sha256 ?? '');
  const glue = `../glue/afmpeg-${glueSha256.slice(0, 16)}.js`;
  const resolved: BuildSource = {
    describe: source.describe,
    read: (name) => source.read(name === 'afmpeg.js' ? glue : name),
    fetch: (name) => (source.fetch as (n: string) => Promise<Response>)(name === 'afmpeg.js' ? glue : name),
  };
  return { source: resolved, provenanceBytes, provenanceWhere: `PROVENANCE.json at ${root.href}` };
}
