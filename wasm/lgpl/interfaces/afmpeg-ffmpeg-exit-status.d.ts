/** @module Interface afmpeg:ffmpeg/exit-status@0.1.0 **/
export function setExitCode(code: number): void;
