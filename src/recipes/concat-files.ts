import { BuilderError, Command, type GlobalOptions, quoteConcatPath, type Stream } from '../builder/index.js';

/** What the recipe needs to know of a file's streams: a `probe()` result's streams fit. */
export interface StreamFacts {
  readonly codecType: string;
  readonly codecName?: string | undefined;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly pixFmt?: string | undefined;
  readonly sampleRate?: number | undefined;
  readonly channels?: number | undefined;
}

/** A file to join, with its probed streams when known. */
export type ConcatSource = string | { readonly path: string; readonly streams?: readonly StreamFacts[] };

export interface ConcatFilesOptions {
  /** `'auto'` (default): the demuxer when every file's streams are known and match, else the filter. */
  readonly method?: 'auto' | 'demuxer' | 'filter';
  /** Filter method: frame size all clips are fitted to (letterboxed); the first clip's otherwise. */
  readonly size?: `${number}x${number}`;
  /** Filter method: whether the files have audio (default: the first file's streams say, else yes). */
  readonly audio?: boolean;
  /** Output options for the filter method (codecs); default H.264/AAC. */
  readonly encode?: { readonly 'c:v'?: string; readonly 'c:a'?: string; readonly preset?: string };
  readonly globals?: GlobalOptions;
}

const KEYS = ['codecType', 'codecName', 'width', 'height', 'pixFmt', 'sampleRate', 'channels'] as const;
const signature = (streams: readonly StreamFacts[]) =>
  JSON.stringify(
    streams
      .filter((s) => s.codecType === 'video' || s.codecType === 'audio')
      .map((s) => KEYS.map((k) => s[k])),
  );

/**
 * Whether files can be joined by the concat demuxer with stream copy: the same streams, codecs,
 * sizes, pixel formats, sample rates and channel counts, in the same order.
 *
 * @example
 * streamsMatch([(await probe(vol, '/in/a.mp4')).streams, (await probe(vol, '/in/b.mp4')).streams]) // => true
 */
export function streamsMatch(files: readonly (readonly StreamFacts[])[]): boolean {
  const [first, ...rest] = files.map(signature);
  return first !== undefined && rest.every((s) => s === first);
}

/** The concat demuxer list as a `data:` URL, so nothing has to be written to the volume first. */
function listUrl(paths: readonly string[]): string {
  const text = `ffconcat version 1.0\n${paths.map((p) => `file ${quoteConcatPath(`file:${p}`)}\n`).join('')}`;
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:text/plain;base64,${btoa(binary)}`;
}

/**
 * Joins files end to end. Files whose streams match (give their probed `streams`) go through the
 * concat demuxer with stream copy: fast and lossless. Otherwise the concat filter re-encodes,
 * after fitting every clip to one size (scale, pad, setsar) and audio to one format.
 *
 * @example
 * const files = await Promise.all(['/in/a.mp4', '/in/b.mp4'].map(async (path) => ({ path, streams: (await probe(vol, path)).streams })));
 * await runCommand(vol, concatFiles(files, '/out/joined.mp4'));
 */
export function concatFiles(
  files: readonly ConcatSource[],
  output: string,
  options: ConcatFilesOptions = {},
): Command<string> {
  if (files.length === 0) throw new BuilderError('invalid-value', 'concatFiles: no files to join');
  const sources = files.map((f) => (typeof f === 'string' ? { path: f, streams: undefined } : f));
  const known = sources.every((s) => s.streams !== undefined);
  const method =
    options.method && options.method !== 'auto'
      ? options.method
      : known && streamsMatch(sources.map((s) => s.streams ?? []))
        ? 'demuxer'
        : 'filter';
  const globals = options.globals ?? { y: true, hide_banner: true, loglevel: 'error' };
  if (method === 'demuxer') {
    return new Command(globals)
      .input(listUrl(sources.map((s) => s.path)), { f: 'concat', safe: 0 })
      .output(output, { c: 'copy' });
  }
  const firstVideo = sources[0]?.streams?.find((s) => s.codecType === 'video');
  const size = options.size ?? (firstVideo?.width ? `${firstVideo.width}x${firstVideo.height}` : undefined);
  if (!size) {
    throw new BuilderError(
      'invalid-value',
      'concatFiles: pass size, or the first file streams, for the filter method',
    );
  }
  const [w, h] = size.split('x').map(Number) as [number, number];
  const audio = options.audio ?? sources[0]?.streams?.some((s) => s.codecType === 'audio') ?? true;
  let cmd: Command<string> = new Command(globals);
  for (const s of sources) cmd = cmd.input(s.path);
  return cmd
    .graph((g) => {
      const pads = sources.flatMap((_, i) => {
        const v = g
          .input(i)
          .video.filter('scale', { w, h, force_original_aspect_ratio: 'decrease' })
          .filter('pad', { w, h, x: '(ow-iw)/2', y: '(oh-ih)/2' })
          .filter('setsar', { r: 1 })
          .filter('format', { pix_fmts: 'yuv420p' });
        if (!audio) return [v];
        const a = g.input(i).audio.filter('aformat', { sample_fmts: 'fltp', channel_layouts: 'stereo' });
        return [v, a];
      });
      const joined = g.filter('concat', pads, { n: sources.length, v: 1, a: audio ? 1 : 0 });
      const streams: Record<string, Stream> = { v: joined.output(0) };
      if (audio) streams.a = joined.output(1);
      return streams;
    })
    .output(output, {
      map: audio ? ['v', 'a'] : ['v'],
      'c:v': options.encode?.['c:v'] ?? 'libx264',
      ...(options.encode?.preset ? { preset: options.encode.preset } : {}),
      ...(audio ? { 'c:a': options.encode?.['c:a'] ?? 'aac' } : {}),
    });
}
