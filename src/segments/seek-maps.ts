/**
 * The `map` an input-seek split can carry: one entry for the video (of input 0, or a graph's
 * label), then audio entries, then subtitle entries, all of input 0. A segment maps the video of
 * its seeked input; the first segment's audio output maps the audio entries from the input it
 * reads whole, added after the command's own (input 1 after one input); the join writes the
 * segments' video, then that audio, then the subtitles and attachments from the input itself
 * (`subtitlePlan`), so the video must come first.
 */
export interface SeekMaps {
  readonly video: string;
  /** The audio entries, as the first segment's audio output names them (input `audioInput`). */
  readonly audio: readonly string[];
  /** The subtitle entries, as the command names them (`0:s`, `0:s:1`, `0:s?`). */
  readonly subtitles: readonly string[];
  /** Whether the map ends by taking every attachment (`0:t`, `0:t?`: fonts), which the join carries. */
  readonly attachments: boolean;
  /**
   * `0:v` selects every video stream, cover art included (`0:V` leaves it out): the split holds
   * only where the input has one.
   */
  readonly needsOneVideoStream: boolean;
}

const VIDEO = /^0:([vV])(?::(\d+))?(\?)?$/;
const AUDIO = /^0:a(:\d+)?(\?)?$/;
const SUBTITLE = /^0:s(:\d+)?(\?)?$/;
const ATTACHMENTS = /^0:t\??$/;

/**
 * `map` as an input-seek split carries it, or `undefined` where it cannot (see {@link SeekMaps}).
 * The video entry may be a graph's label, where the command's one complex graph is a `-vf` in
 * all but name (`seekableGraph`, which `segmentStructure` checks the label against).
 */
export function seekMaps(map: readonly string[], audioInput = 1): SeekMaps | undefined {
  const attachments = map.length > 1 && ATTACHMENTS.test(map.at(-1) as string);
  const [first, ...rest] = attachments ? map.slice(0, -1) : map;
  const audioEnd = rest.findIndex((entry) => !AUDIO.test(entry));
  const subtitles = audioEnd < 0 ? [] : rest.slice(audioEnd);
  if (!first || !subtitles.every((entry) => SUBTITLE.test(entry))) return undefined;
  const audio = rest
    .slice(0, audioEnd < 0 ? rest.length : audioEnd)
    .map((entry) => entry.replace(/^0:/, `${audioInput}:`));
  if (!/^\d/.test(first)) return { video: first, audio, subtitles, attachments, needsOneVideoStream: false };
  const video = VIDEO.exec(first);
  if (!video) return undefined;
  return {
    video: first,
    audio,
    subtitles,
    attachments,
    needsOneVideoStream: video[1] === 'v' && video[2] === undefined,
  };
}
