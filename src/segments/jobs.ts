import { Command, type InputStreamSelector, type OutputEntry, type OutputOptions } from '../builder/index.js';
import { formatMicros } from './boundaries.js';
import type { SegmentMode } from './structure.js';

/** Where segments live while a job runs: a scratch volume mounted here, never the caller's. */
export const SCRATCH_AT = '/.afmpeg-segments';

/** The FFmpeg runs one segmented job is made of. */
export interface SegmentJobs {
  /**
   * One video encode per time range, each into the scratch volume. In input-seek mode the first
   * also encodes the whole audio, once, as a second output: it reads the input a second time
   * from the start, so the audio is never a job of its own queued behind the segments.
   */
  readonly segments: readonly Command<string>[];
  /** The concat list the join reads (`ffconcat`), with each segment's exact duration. */
  readonly concatList: string;
  /** Stream copy of the segments (and the encoded audio) into the output the command asked for. */
  readonly join: Command<string>;
}

/** Whether the first segment encodes the audio (input-seek; output-seek segments carry PCM). */
export const firstEncodesAudio = (cmd: Command<string>, mode: SegmentMode, hasAudio: boolean) =>
  mode === 'input-seek' && hasAudio && !cmd.outputs[0]?.options.an;

export const segmentPath = (k: number) => `${SCRATCH_AT}/segment-${k}.mov`;
const audioPath = `${SCRATCH_AT}/audio.mov`;
const listPath = `${SCRATCH_AT}/segments.ffconcat`;

/**
 * Splits `cmd` at `starts` (microseconds, the start of every segment after the first). Video
 * options stay with the segments, the audio encoder and the container's options go to the one
 * place that writes them once. Segments are QuickTime files: the container keeps the encoder's
 * time base (so the join's timestamps are the single run's) and holds float PCM for the
 * output-seek mode, whose audio is encoded once in the join. In input-seek mode the audio is
 * encoded once, whole, by the first segment's run.
 */
export function segmentJobs(
  cmd: Command<string>,
  mode: SegmentMode,
  starts: readonly number[],
  hasAudio: boolean,
): SegmentJobs {
  const out = cmd.outputs[0] as OutputEntry;
  const {
    movflags,
    metadata,
    streamMetadata,
    map_metadata,
    map_chapters,
    f,
    'c:a': audioCodec,
    'b:a': audioBitrate,
    'q:a': audioQuality,
    t,
    ar,
    ac,
    ...videoSide
  } = out.options;
  const container: OutputOptions = { movflags, metadata, streamMetadata, map_metadata, map_chapters, f };
  const audioCodecOptions: OutputOptions = { 'c:a': audioCodec, 'b:a': audioBitrate, 'q:a': audioQuality };
  // Output-seek segments keep whatever audio the graph makes; input-seek knows it from a probe.
  const withAudio = !out.options.an && (mode === 'output-seek' || hasAudio);
  const lastEnd = t === undefined ? undefined : String(t);
  const ranges = [0, ...starts].map((start, k) => ({
    ss: k === 0 ? undefined : formatMicros(start),
    to: k < starts.length ? formatMicros(starts[k] as number) : lastEnd,
  }));

  const encodesAudio = firstEncodesAudio(cmd, mode, hasAudio);
  const segments = ranges.map(({ ss, to }, k) => {
    if (mode === 'output-seek')
      return cmd.mapOutputs(() => ({
        path: segmentPath(k),
        options: defined({
          ...videoSide,
          ar,
          ac,
          'c:a': withAudio ? 'pcm_f32le' : undefined,
          f: 'mov',
          ss,
          to,
        }),
      }));
    const source = cmd.inputs[0];
    const segment = cmd
      .mapInputs((input) => ({
        ...input,
        options: defined({ ...input.options, ss, to, raw: k === 0 && encodesAudio ? ['-an'] : undefined }),
      }))
      .mapOutputs(() => ({
        path: segmentPath(k),
        options: defined({ ...videoSide, an: true, f: 'mov' }),
      }));
    if (k > 0 || !encodesAudio || !source) return segment;
    // The same file again, whole, audio only: `-an`/`-vn` on the inputs keep FFmpeg's own
    // stream choice (the best video from the seeked input, the best audio from the whole one).
    return segment.input(source.path, { ...source.options, raw: ['-vn'] }).output(
      audioPath,
      defined({
        ...audioCodecOptions,
        ar,
        ac,
        t,
        threads: videoSide.threads,
        privateOptions: videoSide.privateOptions,
        vn: true,
        f: 'mov',
      }),
    );
  });

  const concatList = [
    'ffconcat version 1.0',
    ...ranges.flatMap((_, k) => {
      const end = starts[k];
      const duration = end === undefined ? [] : [`duration ${formatMicros(end - (starts[k - 1] ?? 0))}`];
      return [`file '${segmentPath(k)}'`, ...duration];
    }),
    '',
  ].join('\n');

  const { raw: _raw, progress: _progress, stats: _stats, ...globals } = cmd.globals;
  let join: Command<string> = new Command(globals).input(listPath, { f: 'concat', safe: 0 });
  if (encodesAudio) join = join.input(audioPath);
  const map: InputStreamSelector[] = encodesAudio ? ['0:v', '1:a'] : withAudio ? ['0:v', '0:a?'] : ['0:v'];
  join = join.output(
    out.path,
    defined({
      ...container,
      map,
      'c:v': 'copy',
      ...(encodesAudio ? { 'c:a': 'copy' } : audioCodecOptions),
      privateOptions: encodesAudio ? undefined : videoSide.privateOptions,
    }),
  );
  return { segments, concatList, join };
}

/** Drops `undefined` values so options the command did not set stay unset. */
function defined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}
