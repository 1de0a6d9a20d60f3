import { Command, createEngine, type Engine, type ProbeResult, runCommand, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Pasted command lines, parsed and run through real FFmpeg (wasm) over a memfs volume.
let engine: Engine;
const vol = new Volume();
const probe = (path: string): Promise<ProbeResult> => engine.probe(vol, path);
const streamOf = (info: ProbeResult, type: string) => info.streams.find((s) => s.codecType === type);

beforeAll(() => {
  engine = createEngine({ concurrency: 1 });
  vol.mkdirSync('/w', { recursive: true });
});
afterAll(() => engine?.close());

describe('R-AF-20 parsed command lines run', () => {
  it('a lavfi test clip (two lavfi inputs, -shortest), then a filter_complex with labels and ; over it', async () => {
    const make = Command.parse(
      "ffmpeg -y -hide_banner -loglevel error -f lavfi -i 'testsrc2=size=64x48:rate=10:duration=2' -f lavfi -i 'sine=frequency=440:sample_rate=22050:duration=2' -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest /w/clip.mp4",
    );
    expect((await runCommand(vol, make, { engine })).exitCode).toBe(0);
    const clip = await probe('/w/clip.mp4');
    expect(streamOf(clip, 'video')).toMatchObject({ width: 64, height: 48, frameCount: 20 });
    const pip = Command.parse(
      "ffmpeg -y -loglevel error -i /w/clip.mp4 -filter_complex '[0:v]split=2[a][b];[a]scale=iw/2:-2[small];[b][small]overlay=W-w-2:2[out];[0:a]atempo=2.0[fast]' -map '[out]' -map '[fast]' -c:v libx264 -preset ultrafast -c:a aac -t 1 /w/pip.mp4",
    );
    await runCommand(vol, pip, { engine });
    const info = await probe('/w/pip.mp4');
    expect(streamOf(info, 'video')).toMatchObject({ width: 64, height: 48, frameCount: 10 });
    expect(streamOf(info, 'audio')).toMatchObject({ codecName: 'aac' });
  });

  it('a GIF in two passes (palettegen, then paletteuse) from pasted lines, extended with filter()', async () => {
    const gen = Command.parse(
      "ffmpeg -y -loglevel error -f lavfi -i 'testsrc2=size=64x48:rate=10:duration=1' -vf 'fps=5,scale=32:-1:flags=lanczos' /w/palette.png",
    ).filter('palettegen', { max_colors: 16 });
    await runCommand(vol, gen, { engine });
    expect(streamOf(await probe('/w/palette.png'), 'video')).toMatchObject({ width: 16, height: 16 });
    const use = Command.parse(
      "ffmpeg -y -loglevel error -f lavfi -i 'testsrc2=size=64x48:rate=10:duration=1' -i /w/palette.png -filter_complex 'fps=5,scale=32:-1:flags=lanczos[x];[x][1:v]paletteuse' -loop 0 /w/out.gif",
    );
    await runCommand(vol, use, { engine });
    expect(streamOf(await probe('/w/out.gif'), 'video')).toMatchObject({
      codecName: 'gif',
      width: 32,
      height: 24,
    });
  });

  it('a volumedetect to the null muxer reports its measure on stderr', async () => {
    const cmd = Command.parse(
      'ffmpeg -hide_banner -f lavfi -i sine=frequency=1000:duration=0.5 -af volumedetect -f null -',
    );
    const result = await runCommand(vol, cmd, { engine });
    expect(result.stderr).toMatch(/mean_volume: -\d+(\.\d+)? dB/);
  });
});
