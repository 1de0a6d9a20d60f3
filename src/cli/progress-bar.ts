import type { Progress } from '../engine/index.js';

const width = 30;

/** One line of progress for a terminal: a bar when the percentage is known, else the time reached. */
export function renderProgress(progress: Progress): string {
  const time = progress.timeSeconds === undefined ? '' : ` ${formatClock(progress.timeSeconds)}`;
  const speed = progress.speed === undefined ? '' : ` ${progress.speed.toFixed(2)}x`;
  const frame = progress.frame === undefined ? '' : ` frame ${progress.frame}`;
  if (progress.percent === undefined) return `${time}${frame}${speed}`.trimStart();
  const percent = Math.max(0, Math.min(100, progress.percent));
  const filled = Math.round((percent / 100) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  return `[${bar}] ${percent.toFixed(0).padStart(3)}%${time}${frame}${speed}`;
}

function formatClock(seconds: number): string {
  const whole = Math.max(0, seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = (whole % 60).toFixed(2).padStart(5, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s}`;
}
