import { committedBuild, committedVariants, locatedSource } from '#platform/build-files';
import { loadCoreModule } from '#platform/core-module';
import { glueModuleUrl } from '#platform/glue-url';
import { sha256Hex } from '#platform/sha256';
import { type BuildSource, type OpenedBuild, type ProvenanceFile, provenanceFiles } from './build-source.js';
import { BuildIntegrityError } from './errors.js';
import { MemoryCappedModules } from './memory-capped-modules.js';
import type { VariantName, VerifiedVariant } from './types.js';
import type { WorkerSetup } from './worker-protocol.js';

export type { BuildSource };

/** The variants present in this package (a build may ship only some). */
export function availableVariants(): VariantName[] {
  return committedVariants();
}

function sourceOf(variant: VerifiedVariant): BuildSource {
  const where = variant.url ?? variant.path;
  if (where === undefined) throw new BuildIntegrityError('a verified variant needs a path or a url');
  return locatedSource(where);
}

const isModuleFile = (name: string) => name.endsWith('.wasm.br') || name.endsWith('.wasm');

/** A loaded build: what workers are born with, and the module a memory limit recompiles. */
export interface LoadedBuild {
  setup: WorkerSetup;
  memoryCapped: MemoryCappedModules | undefined;
}

/**
 * A build's `PROVENANCE.json` and where the rest of its files come from. A `VerifiedVariant`'s
 * provenance must have the pinned sha256 (R-AF-14); a committed variant's is the package's own
 * (in a browser, served from `artifactsUrl`).
 */
export async function openBuild(
  variant: VariantName | VerifiedVariant,
  artifactsUrl?: string | URL,
): Promise<OpenedBuild> {
  if (typeof variant === 'string') return committedBuild(variant, artifactsUrl);
  const source = sourceOf(variant);
  const provenanceBytes = await source.read('PROVENANCE.json').catch((err: unknown) => {
    throw err instanceof BuildIntegrityError
      ? err
      : new BuildIntegrityError(`no PROVENANCE.json at ${source.describe}`, { cause: err });
  });
  const actual = await sha256Hex(provenanceBytes);
  if (actual !== variant.sha256.toLowerCase()) {
    throw new BuildIntegrityError(
      `PROVENANCE.json at ${source.describe} has sha256 ${actual}, pinned ${variant.sha256}`,
    );
  }
  return { source, provenanceBytes, provenanceWhere: `PROVENANCE.json at ${source.describe}` };
}

/**
 * Reads a build's core modules (`*.wasm.br`, or plain `*.wasm` in a dev tree), decompresses and
 * compiles them once. A `VerifiedVariant` (R-AF-14) is checked first: its `PROVENANCE.json` must
 * have the pinned sha256, and every file it uses the sha256 recorded there; each file is read
 * once, so what was checked is what runs.
 */
export async function loadBuild(
  variant: VariantName | VerifiedVariant,
  artifactsUrl?: string | URL,
): Promise<LoadedBuild> {
  const { source, provenanceBytes } = await openBuild(variant, artifactsUrl);
  // Every file is checked against the build's own provenance, committed builds included: a glue
  // or module from another build fails here instead of misrunning.
  const pins = provenanceFiles(provenanceBytes);
  const files = [...pins.keys()].filter(isModuleFile);
  const verify = async (name: string, bytes: Uint8Array, pinned: string | undefined) => {
    const got = await sha256Hex(bytes);
    if (pinned !== got) {
      throw new BuildIntegrityError(
        `${name} at ${source.describe} (sha256 ${got}) does not match its provenance`,
      );
    }
  };
  // A self-contained build holds its glue; a copy of the package's wasm/ directory keeps it,
  // shared by content, in ../glue/ (build/steps/install.sh), named by the sha256 pinned here.
  const glueSha256 = pins.get('afmpeg.js')?.sha256;
  const glue = await source
    .read('afmpeg.js')
    .catch(() => source.read(`../glue/afmpeg-${(glueSha256 ?? '').slice(0, 16)}.js`));
  await verify('afmpeg.js', glue, glueSha256);
  const modules: Record<string, WebAssembly.Module> = {};
  let memoryCapped: MemoryCappedModules | undefined;
  await Promise.all(
    files
      .filter((f) => f.endsWith('.br') || !files.includes(`${f}.br`))
      .map(async (file) => {
        const pinned = pins.get(file) as ProvenanceFile;
        const { name, module, bytes } = await loadCoreModule(source, pinned, verify);
        modules[name] = module;
        if (WebAssembly.Module.exports(module).some((e) => e.kind === 'memory')) {
          memoryCapped = new MemoryCappedModules(name, bytes);
        }
      }),
  );
  return { setup: { glueUrl: glueModuleUrl(new TextDecoder().decode(glue)), modules }, memoryCapped };
}
