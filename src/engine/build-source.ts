/**
 * Where a build's files come from, and what its provenance pins of them: the part of loading a
 * build that is the same on every platform (the platform's own part is `#platform/build-files`).
 */

/** Where a build's files come from: a directory, or a base URL fetched over http(s). */
export interface BuildSource {
  describe: string;
  read(name: string): Promise<Uint8Array>;
  /** The file as an HTTP response, for a source that fetches (streamed decompression and compile). */
  fetch?(name: string): Promise<Response>;
}

/** A build's `PROVENANCE.json` and where the rest of its files come from. */
export interface OpenedBuild {
  source: BuildSource;
  provenanceBytes: Uint8Array;
  /** Names the provenance in errors. */
  provenanceWhere: string;
}

/** One entry of `PROVENANCE.json`'s `files`: a stored file, and for a core module what it decompresses to. */
export interface ProvenanceFile {
  name: string;
  sha256: string;
  /** The module's own name (`afmpeg.core.wasm`) when the stored file is its compressed copy. */
  module?: string;
  moduleSha256?: string;
}

/** `PROVENANCE.json`'s `files`: the sha256 of every file the build wrote beside it. */
interface ProvenanceFiles {
  files?: Array<{ name?: unknown; sha256?: unknown; module?: unknown; moduleSha256?: unknown }>;
}

/** The files a provenance pins, by name. */
export function provenanceFiles(provenanceBytes: Uint8Array): Map<string, ProvenanceFile> {
  const provenance = JSON.parse(new TextDecoder().decode(provenanceBytes)) as ProvenanceFiles;
  const pins = new Map<string, ProvenanceFile>();
  for (const f of provenance.files ?? []) {
    if (typeof f.name !== 'string' || typeof f.sha256 !== 'string') continue;
    pins.set(f.name, {
      name: f.name,
      sha256: f.sha256.toLowerCase(),
      ...(typeof f.module === 'string' ? { module: f.module } : {}),
      ...(typeof f.moduleSha256 === 'string' ? { moduleSha256: f.moduleSha256.toLowerCase() } : {}),
    });
  }
  return pins;
}

/** A core module compiled from a build, with the exact bytes it was compiled from. */
export interface CoreModule {
  name: string;
  module: WebAssembly.Module;
  bytes: Uint8Array;
}
