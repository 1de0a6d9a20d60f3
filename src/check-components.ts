import { BuilderError } from './builder/errors.js';
import { type NamedComponent, namedComponents } from './builder/named-components.js';
import { type BuildComponents, UnknownComponentError } from './engine/index.js';

/** Whether `build` has the component `named` names, by FFmpeg 5.1's own lookup rules. */
function carries(build: BuildComponents, named: NamedComponent): boolean {
  switch (named.kind) {
    case 'encoder':
      // find_codec_or_die(): an encoder's name, else a codec's name with some encoder for it.
      return build.encoders.has(named.name) || build.codecs.encodable.has(named.name);
    case 'decoder':
      return build.decoders.has(named.name) || build.codecs.decodable.has(named.name);
    case 'muxer':
      return build.muxers.has(named.name);
    case 'demuxer':
      return build.demuxers.has(named.name);
    case 'filter':
      return build.filters.has(named.name);
    case 'bsf':
      return build.bsfs.has(named.name);
  }
}

/**
 * The first component `args` names that `build` lacks, as the error runCommand throws before
 * starting FFmpeg; undefined when it has them all. An argv the builder cannot read is not
 * checked here: FFmpeg reads it, and says what it thinks of it.
 */
export function missingComponent(
  build: BuildComponents,
  args: readonly string[],
): UnknownComponentError | undefined {
  let named: NamedComponent[];
  try {
    named = namedComponents(args);
  } catch (err) {
    if (err instanceof BuilderError) return undefined;
    throw err;
  }
  const missing = named.find((n) => !carries(build, n));
  return (
    missing &&
    new UnknownComponentError(missing.kind, missing.name, {
      args,
      variant: build.variant,
      where: missing.where,
    })
  );
}
