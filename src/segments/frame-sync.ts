import type { Command } from '../builder/index.js';

/** How FFmpeg times an output's video frames: `-fps_mode`, or the global `-vsync` it defaults to. */
export type FrameSync = 'cfr' | 'vfr' | 'passthrough' | 'drop';

/** `-vsync`'s numbers, as FFmpeg 5.1 reads them (`-1` is auto: the muxer decides). */
const NUMBERED: Readonly<Record<string, FrameSync | undefined>> = {
  '0': 'passthrough',
  '1': 'cfr',
  '2': 'vfr',
  '-1': undefined,
};

const read = (value: string | undefined): FrameSync | undefined =>
  value === undefined || value === 'auto'
    ? undefined
    : value in NUMBERED
      ? NUMBERED[value]
      : (value as FrameSync);

/**
 * The frame sync the command asks for its output's video, `undefined` where the muxer decides
 * (FFmpeg 5.1: a constant rate for muxers without `AVFMT_VARIABLE_FPS`, see `fillsFrameTimes`).
 * A parsed `-fps_mode` is one of the output's private options; `-vsync` is a global one.
 */
export function frameSync(cmd: Command<string>): FrameSync | undefined {
  const own = cmd.outputs[0]?.options.privateOptions ?? {};
  const mode = own.fps_mode ?? own['fps_mode:v'];
  if (mode !== undefined) return read(String(mode));
  return read(globalVsync(cmd.globals.raw ?? []));
}

/** The value of a `-vsync` among raw global options, the last one given. */
function globalVsync(raw: readonly string[]): string | undefined {
  const at = raw.lastIndexOf('-vsync');
  return at < 0 ? undefined : raw[at + 1];
}

/**
 * Raw global options other than `-vsync` (which the splitter reads, and which the segments keep):
 * a split cannot tell what they do.
 */
export function unreadGlobals(raw: readonly string[]): string[] {
  return raw.filter((arg, i) => arg !== '-vsync' && raw[i - 1] !== '-vsync');
}
