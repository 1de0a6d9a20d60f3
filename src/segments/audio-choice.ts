/**
 * Which of an input's audio streams FFmpeg 5.1's own choice (no `-map`) takes: the most channels,
 * a `default` one first, the first of equals (`ffmpeg_opt.c`, "audio: most channels", whose
 * score also counts streams that had packets, as every stream of a file read whole has).
 * `undefined` where any stream's channels are not known, or there is none.
 */
export function chosenAudio(
  streams: readonly { readonly channels: number | undefined; readonly isDefault: boolean }[],
): number | undefined {
  const scores = streams.map((s) => (s.channels ?? Number.NaN) + 5e6 * (s.isDefault ? 1 : 0));
  if (!scores.length || !scores.every(Number.isFinite)) return undefined;
  return scores.reduce((best, score, i) => (score > (scores[best] as number) ? i : best), 0);
}
