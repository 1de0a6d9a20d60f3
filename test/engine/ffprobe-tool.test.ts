import { createEngine, type Engine, InvalidMediaError, MissingInputError, Volume } from 'afmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip } from './media-fixtures.js';

// Raw ffprobe through the engine (issue 15 item 3): any argv, the same options and typed errors
// as an ffmpeg run. FATE's ffprobe tests and users' own -show_entries queries need it.

let engine: Engine;
const vol = new Volume();
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

beforeAll(async () => {
  engine = createEngine({ concurrency: 1 });
  vol.mkdirSync('/in', { recursive: true });
  await makeClip(engine, vol, '/in/clip.mp4', 1);
  vol.writeFileSync('/in/bad.mp4', new Uint8Array(4096).fill(0x5a));
});
afterAll(() => engine.close());

describe("engine.run(vol, args, { tool: 'ffprobe' })", () => {
  it('R-AF-5: a -show_entries query with -count_frames answers in JSON on stdout', async () => {
    const result = await engine.run(
      vol,
      [
        '-v',
        'error',
        '-count_frames',
        '-of',
        'json',
        '-show_entries',
        'stream=codec_name,width,height,nb_read_frames:format=format_name',
        'clip.mp4',
      ],
      { tool: 'ffprobe', cwd: '/in' },
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(decode(result.stdout))).toEqual({
      programs: [],
      streams: [
        { codec_name: 'h264', width: 160, height: 120, nb_read_frames: '10' },
        { codec_name: 'aac', nb_read_frames: '44' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    });
  });

  it('runs ffprobe, not ffmpeg: -version names the program', async () => {
    const probe = await engine.run(vol, ['-version'], { tool: 'ffprobe' });
    const ffmpeg = await engine.run(vol, ['-version']);
    expect(decode(probe.stdout)).toMatch(/^ffprobe version 5\.1\.9/);
    expect(decode(ffmpeg.stdout)).toMatch(/^ffmpeg version 5\.1\.9/);
  });

  it('R-AF-4: a file that is not media rejects with InvalidMediaError naming it; nothing is lost', async () => {
    const before = vol.readFileSync('/in/bad.mp4');
    const failure = engine.run(vol, ['-v', 'error', '-show_format', '/in/bad.mp4'], { tool: 'ffprobe' });
    await expect(failure).rejects.toBeInstanceOf(InvalidMediaError);
    await expect(failure).rejects.toMatchObject({ path: '/in/bad.mp4', exitCode: 1 });
    expect(vol.readFileSync('/in/bad.mp4')).toEqual(before);
    // The same engine still answers.
    const again = await engine.run(
      vol,
      ['-v', 'error', '-show_entries', 'format=nb_streams', '-of', 'csv=p=0', '/in/clip.mp4'],
      {
        tool: 'ffprobe',
      },
    );
    expect(decode(again.stdout).trim()).toBe('2');
  });

  it('R-AF-4: a missing input given with -i rejects with MissingInputError naming it', async () => {
    const failure = engine.run(vol, ['-i', '/in/none.mp4', '-show_streams'], { tool: 'ffprobe' });
    await expect(failure).rejects.toBeInstanceOf(MissingInputError);
    await expect(failure).rejects.toMatchObject({ path: '/in/none.mp4' });
  });
});
