/**
 * `npm run bench:large-file [-- GiB] [--past-4gib]` (default 2.5): where the memory goes when a memfs volume
 * holds a large file (issue 15), memfs's own `Volume` (one Buffer per file, doubled as it grows)
 * beside afmpeg's (`Volume`, the file's bytes in chunks), in one run. Each store runs in a fresh
 * process, so the process's peak RSS (`maxRSS`) is that store's alone:
 *   1. the caller writes a WAV of the given size into the volume, 1 MiB at a time;
 *   2. FFmpeg reads all of it: `-i /big.wav -f null -`;
 *   3. FFmpeg writes a second file as large: `-i /big.wav -c copy /copy.wav`;
 *   4. the caller streams that out (`createReadStream`), as a result too large to copy is taken.
 * With `--past-4gib`, a third process has FFmpeg write a real 4.5 GiB output into afmpeg's Volume
 * and read it all back (see `past4GiB`).
 * Worker threads share the process, so RSS is everything afmpeg holds (the first row, the engine
 * started, is the baseline). Per phase: the peak of RSS,
 * ArrayBuffers and external memory sampled every 20 ms, and `maxRSS` at its end.
 * The results go to `bench/results/<date>-large-file.json`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createEngine, Volume } from 'afmpeg';
import { Volume as MemfsVolume } from 'memfs';

const GiB = 2 ** 30;
const stores = ['memfs', 'afmpeg'] as const;
type Store = (typeof stores)[number];
interface PhaseRow {
  store: Store;
  phase: string;
  seconds: number;
  fileGiB: number;
  peakRssGiB: number;
  peakArrayBuffersGiB: number;
  peakExternalGiB: number;
  maxRssGiB: number;
  check: string;
}
const gib = (n: number) => Number((n / GiB).toFixed(2));

/** Runs and prints phases (one JSON row each) over `vol`, sampling memory all along. */
function phases(store: Store, vol: Volume) {
  const peak = { rss: 0, arrayBuffers: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    peak.external = Math.max(peak.external, m.external);
  };
  const sampler = setInterval(sample, 20);
  const phase = async (name: string, file: string | undefined, work: () => Promise<string>) => {
    sample();
    Object.assign(peak, { rss: 0, arrayBuffers: 0, external: 0 });
    const started = performance.now();
    const check = await work();
    sample();
    const row: PhaseRow = {
      store,
      phase: name,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      fileGiB: file ? gib(vol.statSync(file).size) : 0,
      peakRssGiB: gib(peak.rss),
      peakArrayBuffersGiB: gib(peak.arrayBuffers),
      peakExternalGiB: gib(peak.external),
      maxRssGiB: gib(process.resourceUsage().maxRSS * 1024),
      check,
    };
    console.log(JSON.stringify(row));
  };
  return { phase, stop: () => clearInterval(sampler) };
}

/** One store, in this (child) process. */
async function measure(store: Store, sizeGiB: number): Promise<void> {
  const vol = (store === 'memfs' ? new MemfsVolume() : new Volume()) as Volume;
  const engine = createEngine({ concurrency: 1 });
  const { phase, stop } = phases(store, vol);
  // The worker and the compiled build exist first: the baseline.
  await phase('engine started: -version', undefined, async () => {
    const { exitCode } = await engine.run(vol, ['-hide_banner', '-version']);
    return `exit ${exitCode}`;
  });
  // 48 kHz stereo s16: a sine, written as a caller would stream a large file in.
  const dataBytes = Math.floor((sizeGiB * GiB - 44) / 4) * 4;
  const seconds = dataBytes / (48000 * 4);
  await phase('caller writes the WAV, 1 MiB at a time', '/big.wav', async () => {
    const piece = Buffer.alloc(2 ** 20);
    for (let i = 0; i < piece.length / 2; i++) piece.writeInt16LE(Math.round(8000 * Math.sin(i / 20)), i * 2);
    const fd = vol.openSync('/big.wav', 'w');
    vol.writeSync(fd, wavHeader(dataBytes));
    for (let done = 0; done < dataBytes; done += piece.length)
      vol.writeSync(fd, piece, 0, Math.min(piece.length, dataBytes - done));
    vol.closeSync(fd);
    return `${dataBytes} bytes of PCM`;
  });
  await phase('FFmpeg reads it: -i /big.wav -f null -', '/big.wav', async () => {
    const { stderr } = await engine.run(vol, ['-hide_banner', '-i', '/big.wav', '-f', 'null', '-']);
    return `read ${lastTime(stderr).toFixed(0)} s of ${seconds.toFixed(0)} s`;
  });
  await phase('FFmpeg writes a copy: -c copy /copy.wav', '/copy.wav', async () => {
    const { stderr } = await engine.run(vol, ['-hide_banner', '-i', '/big.wav', '-c', 'copy', '/copy.wav']);
    // The copy's last MiB of samples is the input's.
    const tail = (path: string) => {
      const bytes = Buffer.alloc(2 ** 20);
      const fd = vol.openSync(path, 'r');
      vol.readSync(fd, bytes, 0, bytes.length, vol.fstatSync(fd).size - bytes.length);
      vol.closeSync(fd);
      return bytes;
    };
    return `copied ${lastTime(stderr).toFixed(0)} s; last MiB equal: ${tail('/copy.wav').equals(tail('/big.wav'))}`;
  });
  await phase('caller streams the copy out: createReadStream -> sha256', '/copy.wav', async () => {
    const hash = createHash('sha256');
    for await (const part of vol.createReadStream('/copy.wav')) hash.update(part as Buffer);
    return `sha256 ${hash.digest('hex').slice(0, 16)}…`;
  });
  stop();
  await engine.close();
}

/**
 * `--past-4gib`: FFmpeg writes a real 4.5 GiB output into afmpeg's Volume (1080p frames of
 * `testsrc2`, raw), then reads all of it back; every frame's hash must be the source's.
 */
async function past4GiB(): Promise<void> {
  const vol = new Volume();
  const engine = createEngine({ concurrency: 1 });
  const { phase, stop } = phases('afmpeg', vol);
  const frameBytes = 1920 * 1080 * 1.5;
  const frames = Math.ceil((4.5 * GiB) / frameBytes);
  const source = ['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=25', '-frames:v', String(frames)];
  const raw = ['-f', 'rawvideo', '-pix_fmt', 'yuv420p'];
  const hashes = async (v: Volume, args: string[]) =>
    Buffer.from((await engine.run(v, ['-hide_banner', ...args, '-f', 'framemd5', 'pipe:1'])).stdout)
      .toString()
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(',').at(-1));
  await phase('engine started: -version', undefined, async () => {
    const { exitCode } = await engine.run(vol, ['-hide_banner', '-version']);
    return `exit ${exitCode}`;
  });
  await phase(`FFmpeg writes ${frames} raw 1080p frames`, '/big.yuv', async () => {
    await engine.run(vol, ['-hide_banner', ...source, ...raw, '/big.yuv']);
    return `${vol.statSync('/big.yuv').size} bytes, ${frames * frameBytes} expected`;
  });
  await phase('FFmpeg reads them all back: framemd5', '/big.yuv', async () => {
    const back = await hashes(vol, [...raw, '-s', '1920x1080', '-r', '25', '-i', '/big.yuv']);
    const made = await hashes(new Volume(), [...source, '-pix_fmt', 'yuv420p']);
    const same = back.length === made.length && back.every((h, i) => h === made[i]);
    const past = frames - Math.floor(2 ** 32 / frameBytes);
    return `${back.length} frames read, all equal to the source's: ${same} (${past} of them past 4 GiB)`;
  });
  stop();
  await engine.close();
}

function wavHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(2, 22);
  h.writeUInt32LE(48000, 24);
  h.writeUInt32LE(48000 * 4, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** The last `time=` FFmpeg's stats line reported, in seconds. */
function lastTime(stderr: string): number {
  const m = [...stderr.matchAll(/time=(\d+):(\d+):([\d.]+)/g)].at(-1);
  if (!m) throw new Error(`no stats line in: ${stderr.slice(-500)}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

if (process.argv[2] === '--child') {
  if (process.argv[3] === 'past-4gib') await past4GiB();
  else await measure(process.argv[3] as Store, Number(process.argv[4]));
} else {
  const args = process.argv.slice(2);
  const sizeGiB = Number(args.find((a) => !a.startsWith('--')) ?? 2.5);
  const loadBefore = loadavg();
  const rows: PhaseRow[] = [];
  for (const child of [...stores, ...(args.includes('--past-4gib') ? ['past-4gib'] : [])]) {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', child, String(sizeGiB)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 2 ** 24,
      },
    );
    for (const line of out.split('\n').filter((l) => l.startsWith('{'))) {
      const row = JSON.parse(line) as PhaseRow;
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  const load = { before: loadBefore.map((l) => l.toFixed(2)), after: loadavg().map((l) => l.toFixed(2)) };
  console.log(`load average ${load.before.join(' ')} -> ${load.after.join(' ')}`);
  // Compiled to .out/bench/: results go beside the sources, in bench/results/.
  const file = new URL(
    `../../bench/results/${new Date().toISOString().slice(0, 10)}-large-file.json`,
    import.meta.url,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ sizeGiB, rows, loadAverage: load, node: process.version }, null, 2)}\n`,
  );
}
