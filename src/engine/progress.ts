import type { Progress } from './types.js';

function seconds(clock: string): number | undefined {
  const m = /^(-?)(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(clock);
  if (!m) return undefined;
  const s = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] ? -s : s;
}

/** The first `Duration: hh:mm:ss.xx` FFmpeg prints for an input, in seconds. */
export function inputDuration(line: string): number | undefined {
  const m = /^\s*Duration: (\d+:\d+:\d+(?:\.\d+)?)/.exec(line);
  return m ? seconds(m[1] as string) : undefined;
}

/** Reads FFmpeg's `frame= … size= … time= … speed=` status line; undefined for any other line. */
export function parseProgress(line: string, durationSeconds: number | undefined): Progress | undefined {
  if (!/\btime=/.test(line) || !/\b(size|Lsize)=/.test(line)) return undefined;
  const fields = new Map<string, string>();
  for (const m of line.matchAll(/(\w+)=\s*(\S+)/g)) fields.set(m[1] as string, m[2] as string);
  const numberOf = (key: string): number | undefined => {
    const v = fields.get(key);
    if (v === undefined) return undefined;
    const n = Number.parseFloat(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const progress: Progress = {};
  const frame = numberOf('frame');
  if (frame !== undefined) progress.frame = frame;
  const fps = numberOf('fps');
  if (fps !== undefined) progress.fps = fps;
  const time = seconds(fields.get('time') ?? '');
  if (time !== undefined) progress.timeSeconds = time;
  const speed = numberOf('speed');
  if (speed !== undefined) progress.speed = speed;
  const size = fields.get('size') ?? fields.get('Lsize');
  const kib = size === undefined ? undefined : Number.parseFloat(size);
  if (kib !== undefined && Number.isFinite(kib)) progress.sizeBytes = Math.round(kib * 1024);
  if (durationSeconds && durationSeconds > 0 && time !== undefined) {
    progress.percent = Math.min(100, Math.max(0, (time / durationSeconds) * 100));
  }
  return progress;
}

/** Splits a byte stream into lines at `\n` and `\r` (FFmpeg ends its status line with `\r`). */
export class LineSplitter {
  readonly #decoder = new TextDecoder();
  #partial = '';
  push(bytes: Uint8Array, onLine: (line: string) => void): void {
    const text = this.#partial + this.#decoder.decode(bytes, { stream: true });
    const parts = text.split(/\r\n|\n|\r/);
    this.#partial = parts.pop() ?? '';
    for (const p of parts) onLine(p);
  }
  end(onLine: (line: string) => void): void {
    const rest = this.#partial + this.#decoder.decode();
    this.#partial = '';
    if (rest) onLine(rest);
  }
}
