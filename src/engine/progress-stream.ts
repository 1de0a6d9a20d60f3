import type { Progress } from './types.js';

/** The keys of FFmpeg's `-progress` blocks (fftools/ffmpeg.c print_report), one `key=value` a line. */
const KEY_LINE =
  /^(frame|fps|stream_\d+_\d+_q|stream_\d+_\d+_psnr_\w+|bitrate|total_size|out_time_us|out_time_ms|out_time|dup_frames|drop_frames|speed|progress)=(\s*\S*)$/;

/**
 * Reads FFmpeg's machine-readable progress (`-progress URL`): blocks of `key=value` lines, each
 * ended by `progress=continue` or `progress=end`. Unlike the stderr status line it is written
 * whatever the `-loglevel`, and its time is exact (`out_time_us`).
 *
 * @example
 * const reader = new ProgressStream();
 * reader.push('out_time_us=1500000'); // => 'field'
 * reader.push('progress=continue');   // => the block: { timeSeconds: 1.5, ... }
 */
export class ProgressStream {
  #fields = new Map<string, string>();

  /**
   * Takes one line. Returns the finished block's {@link Progress} on its `progress=` line,
   * `'field'` for any other progress line, and `undefined` for a line that is not progress.
   */
  push(line: string): Progress | 'field' | undefined {
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1] as string;
    const value = (m[2] as string).trim();
    if (key !== 'progress') {
      this.#fields.set(key, value);
      return 'field';
    }
    const f = this.#fields;
    this.#fields = new Map();
    const num = (k: string) => {
      const n = Number.parseFloat(f.get(k) ?? '');
      return Number.isFinite(n) ? n : undefined;
    };
    const progress: Progress = {};
    const frame = num('frame');
    if (frame !== undefined) progress.frame = frame;
    const fps = num('fps');
    if (fps !== undefined) progress.fps = fps;
    // out_time_ms is microseconds too (a long-standing FFmpeg misnomer); prefer out_time_us.
    const us = num('out_time_us') ?? num('out_time_ms');
    if (us !== undefined && us >= 0) progress.timeSeconds = us / 1e6;
    const speed = num('speed');
    if (speed !== undefined) progress.speed = speed;
    const size = num('total_size');
    if (size !== undefined && size >= 0) progress.sizeBytes = size;
    if (value === 'end') progress.done = true;
    return progress;
  }
}
