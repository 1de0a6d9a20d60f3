import { Command, type GlobalOptions } from '../builder/index.js';

export interface ExtractAudioOptions {
  /** Encoder, or `'copy'`; by default chosen from the output's extension (copy when unknown). */
  readonly codec?: string;
  /** Bit rate (`'192k'`) for lossy encoders. */
  readonly bitrate?: string;
  readonly sampleRate?: number;
  readonly channels?: number;
  /** Which audio stream of the input (default the first). */
  readonly stream?: number;
  readonly globals?: GlobalOptions;
}

const BY_EXTENSION: Readonly<Record<string, string>> = {
  mp3: 'libmp3lame',
  m4a: 'aac',
  aac: 'aac',
  wav: 'pcm_s16le',
  flac: 'flac',
  opus: 'libopus',
  ogg: 'libopus',
};

/**
 * The soundtrack of `input` as an audio file: one audio stream mapped, video dropped, encoded
 * for the output's extension (`.mp3` LAME, `.m4a` AAC, `.wav` PCM, `.flac`, `.opus`) or copied.
 *
 * @example
 * extractAudio('/in/movie.mp4', '/out/sound.mp3', { bitrate: '192k' }).toArgs();
 * // ['-y', '-hide_banner', '-loglevel', 'error', '-i', '/in/movie.mp4', '-map', '0:a:0',
 * //  '-c:a', 'libmp3lame', '-b:a', '192k', '-vn', '/out/sound.mp3']
 */
export function extractAudio(input: string, output: string, options: ExtractAudioOptions = {}): Command {
  const ext = /\.([a-z0-9]+)$/i.exec(output)?.[1]?.toLowerCase() ?? '';
  const codec = options.codec ?? BY_EXTENSION[ext] ?? 'copy';
  return new Command(options.globals ?? { y: true, hide_banner: true, loglevel: 'error' })
    .input(input)
    .output(output, {
      map: [`0:a:${options.stream ?? 0}`],
      'c:a': codec,
      ...(options.bitrate && codec !== 'copy' ? { 'b:a': options.bitrate as `${number}k` } : {}),
      ...(options.sampleRate ? { ar: options.sampleRate } : {}),
      ...(options.channels ? { ac: options.channels } : {}),
      vn: true,
    });
}
