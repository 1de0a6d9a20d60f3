import { committedProvenance } from '#platform/build-files';
import { BuildIntegrityError } from './errors.js';
import type { VariantName } from './types.js';

/**
 * One kind of component a build carries, as its provenance lists it. FFmpeg lists some formats
 * under several names (`mov,mp4,m4a,3gp,3g2,mj2`): `listing` keeps its entries, `names` and
 * `has()` know each name.
 */
export interface ComponentList {
  /** FFmpeg's own entries, sorted, as `-demuxers`, `-encoders`, ... print them. */
  readonly listing: readonly string[];
  /** Every name, an entry listed under several names split into each. */
  readonly names: ReadonlySet<string>;
  /**
   * Whether the build has a component of this name, matched as FFmpeg matches it: demuxer and
   * muxer names ignore case (`-f MP4` works), the rest are exact.
   */
  has(name: string): boolean;
}

/**
 * What a build carries, read from its `PROVENANCE.json` (which the build wrote by asking the built
 * binary's `-demuxers`, `-encoders`, `-codecs`, ...), not by running FFmpeg.
 */
export interface BuildComponents {
  /** The build's variant, as its provenance names it (`'gpl'`, `'lgpl'`, `'lean'`). */
  readonly variant: string;
  /** `ffmpeg -version`'s first line. */
  readonly ffmpeg: string;
  readonly demuxers: ComponentList;
  readonly muxers: ComponentList;
  readonly decoders: ComponentList;
  readonly encoders: ComponentList;
  readonly filters: ComponentList;
  /** Bitstream filters (`-bsf`). */
  readonly bsfs: ComponentList;
  readonly pixelFormats: ComponentList;
  readonly protocols: { readonly input: ComponentList; readonly output: ComponentList };
  /**
   * Codec names this build can decode and encode. FFmpeg's `-c` takes a codec's name as well as
   * an encoder's (`-c:a mp3` picks whichever mp3 encoder the build has).
   */
  readonly codecs: { readonly decodable: ComponentList; readonly encodable: ComponentList };
}

function componentList(listing: readonly string[], ignoreCase: boolean): ComponentList {
  const fold = (name: string) => (ignoreCase ? name.toLowerCase() : name);
  const names: ReadonlySet<string> = new Set(listing.flatMap((entry) => entry.split(',').map(fold)));
  return Object.freeze({
    listing: Object.freeze([...listing]),
    names,
    has: (name: string) => names.has(fold(name)),
  });
}

/** Reads the `components` of a parsed `PROVENANCE.json`; `where` names it in errors. */
export function buildComponents(provenance: unknown, where: string): BuildComponents {
  const p = (provenance ?? {}) as { variant?: unknown; ffmpeg?: unknown; components?: unknown };
  const c = (p.components ?? {}) as Record<string, unknown>;
  const list = (path: string, ignoreCase = false): ComponentList => {
    const value = path
      .split('.')
      .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], c);
    if (!Array.isArray(value) || !value.every((n) => typeof n === 'string')) {
      throw new BuildIntegrityError(
        `${where} lists no components.${path} (a build from before component lists were recorded; rebuild it)`,
      );
    }
    return componentList(value, ignoreCase);
  };
  return Object.freeze({
    variant: typeof p.variant === 'string' ? p.variant : 'unknown',
    ffmpeg: typeof p.ffmpeg === 'string' ? p.ffmpeg : '',
    demuxers: list('demuxers', true),
    muxers: list('muxers', true),
    decoders: list('decoders'),
    encoders: list('encoders'),
    filters: list('filters'),
    bsfs: list('bsfs'),
    pixelFormats: list('pixelFormats'),
    protocols: Object.freeze({ input: list('protocols.input'), output: list('protocols.output') }),
    codecs: Object.freeze({ decodable: list('codecs.decodable'), encodable: list('codecs.encodable') }),
  });
}

const committed = new Map<VariantName, BuildComponents>();

/**
 * What a variant this package ships carries (R-AF-9), from its provenance; nothing runs.
 * `engine.components()` answers the same for an engine's own build, a verified one included.
 *
 * @example
 * ```ts
 * import { variantComponents } from 'afmpeg';
 * const lean = variantComponents('lean');
 * lean.encoders.has('libx264'); // true
 * lean.muxers.has('hls'); // false
 * lean.demuxers.listing.includes('mov,mp4,m4a,3gp,3g2,mj2'); // true, and has('mp4') is too
 * ```
 */
export function variantComponents(variant: VariantName = 'gpl'): BuildComponents {
  const known = committed.get(variant);
  if (known) return known;
  const { bytes, where } = committedProvenance(variant);
  const read = buildComponents(JSON.parse(new TextDecoder().decode(bytes)), where);
  committed.set(variant, read);
  return read;
}
