import { Command } from '../builder/index.js';

/** The output options that filter its audio alone: `-af`, `-filter:a`, a stream's `-filter:a:1`. */
const AUDIO_ONLY_FILTER = /^-(af|filter:a(:\d+)?)$/;

/** A command's plain audio filter (`-af`) taken out: the video's command, and the filter. */
export interface AudioFilterApart {
  /** The command without its audio filter, which the video segments run. */
  readonly video: Command<string>;
  /** The filter options as written (`['-af', 'volume=0.5']`), for the one output that encodes the audio. */
  readonly audioFilter: readonly string[];
}

/**
 * A command (compiled to `args`) apart from its plain audio filters, or `undefined` when it has none.
 * The audio is encoded once, whole, by an output of its own; the filter goes there. Left on the
 * video segments it would filter audio they do not write, and in the first segment, which reads
 * its input twice (seeked, without audio; whole, for the audio), the builder renders it as a
 * complex graph bound to the seeked input's disabled audio, which FFmpeg refuses.
 */
export function audioFilterApart(args: readonly string[]): AudioFilterApart | undefined {
  const at = args.flatMap((a, i) => (AUDIO_ONLY_FILTER.test(a) && i + 1 < args.length ? [i] : []));
  if (at.length === 0) return undefined;
  const audioFilter = at.flatMap((i) => [args[i] as string, args[i + 1] as string]);
  const taken = new Set(at.flatMap((i) => [i, i + 1]));
  const rest = args.filter((_, i) => !taken.has(i));
  // `parse(args).toArgs()` gives `args` back: the video's command is the user's, less the filter.
  return { video: Command.parse(rest), audioFilter };
}
