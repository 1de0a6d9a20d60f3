import type { Command, Engine, Volume } from 'afmpeg';

/**
 * How the segment tests compare a split run's output with the same command run whole, through
 * the engine under test: decoded frames, decoded audio, streams, and picture quality.
 */
export function outputChecks(engine: () => Engine, vol: Volume) {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    /** Timestamps of every decoded video frame (pts and duration columns of framemd5). */
    async frameTimes(path: string): Promise<string[]> {
      const r = await engine().run(vol, [
        '-v',
        'error',
        '-i',
        path,
        '-map',
        '0:v',
        '-f',
        'framemd5',
        'pipe:1',
      ]);
      return text(r.stdout)
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) =>
          l
            .split(',')
            .slice(1, 4)
            .map((f) => f.trim())
            .join(','),
        );
    },

    /** md5 of the decoded audio samples. */
    async audioMd5(path: string): Promise<string> {
      const r = await engine().run(vol, ['-v', 'error', '-i', path, '-map', '0:a', '-f', 'md5', 'pipe:1']);
      return text(r.stdout).trim();
    },

    /**
     * md5 of every decoded video frame's pixels: of a lossless encode (`-qp 0`), the filters'
     * output itself.
     */
    async videoMd5(path: string): Promise<string> {
      const r = await engine().run(vol, ['-v', 'error', '-i', path, '-map', '0:v', '-f', 'md5', 'pipe:1']);
      return text(r.stdout).trim();
    },

    /** Average PSNR (dB) of `path` against `reference`, by FFmpeg's own psnr filter. */
    async psnr(path: string, reference: string): Promise<number> {
      const r = await engine().run(vol, ['-i', path, '-i', reference, '-lavfi', 'psnr', '-f', 'null', '-']);
      const m = /PSNR .* average:([\d.]+)/.exec(r.stderr);
      if (!m) throw new Error(`no PSNR in ${r.stderr.slice(-500)}`);
      return Number(m[1]);
    },

    /**
     * The lowest PSNR (dB) of any frame of `path` against the same frame of `other`: two encodes
     * of the same frames stay near 40 dB, a frame taken from its neighbour falls far below.
     */
    async lowestFramePsnr(path: string, other: string): Promise<number> {
      await engine().run(vol, [
        '-i',
        path,
        '-i',
        other,
        '-lavfi',
        'psnr=stats_file=/psnr.log',
        '-f',
        'null',
        '-',
      ]);
      const lines = text(vol.readFileSync('/psnr.log') as Uint8Array)
        .split('\n')
        .filter(Boolean);
      vol.unlinkSync('/psnr.log');
      return Math.min(
        ...lines.map((line) => {
          const value = /psnr_avg:(\S+)/.exec(line)?.[1];
          return value === 'inf' ? Number.POSITIVE_INFINITY : Number(value);
        }),
      );
    },

    /** What ffprobe shows of `path` for `-show_entries entries`, as text in `format` (`-of`). */
    async shown(path: string, entries: string, format = 'csv=p=0'): Promise<string> {
      const r = await engine().run(vol, ['-v', 'error', '-show_entries', entries, '-of', format, path], {
        tool: 'ffprobe',
        stdout: 'capture',
      });
      return text(r.stdout).trim();
    },

    /** Each packet of the streams `select` names (`a`, `s`): its time, length, size and bytes' md5. */
    async packetsOf(path: string, select: string): Promise<string> {
      const r = await engine().run(
        vol,
        [
          ...['-v', 'error', '-select_streams', select, '-show_entries', 'packet=pts,duration,size'],
          ...['-show_data_hash', 'md5', '-of', 'csv=p=0', path],
        ],
        { tool: 'ffprobe', stdout: 'capture' },
      );
      return text(r.stdout).trim();
    },

    /** Each stream's kind, codec, shape, rates, start and duration, as ffprobe reads them. */
    async streams(path: string) {
      const { streams } = await engine().probe(vol, path);
      return streams.map((s) => ({
        type: s.codecType,
        codec: s.codecName,
        size: s.width === undefined ? undefined : `${s.width}x${s.height} ${s.pixFmt}`,
        audio: s.sampleRate === undefined ? undefined : `${s.sampleRate} Hz ${s.channelLayout}`,
        // What a player or FFmpeg reading the file back takes as the rate (Matroska stores it
        // as every frame's default length).
        rate: s.frameRate === undefined ? undefined : `${s.frameRate.num}/${s.frameRate.den}`,
        averageRate: s.avgFrameRate === undefined ? undefined : `${s.avgFrameRate.num}/${s.avgFrameRate.den}`,
        startTime: s.startTime,
        duration: s.duration,
        frames: s.frameCount,
      }));
    },
  };
}

/** The same command writing `path`. */
export const writing = (cmd: Command<string>, path: string) => cmd.mapOutputs((o) => ({ ...o, path }));
