// The browser example: pick a video (or images), convert it to MP4 (H.264/AAC), a GIF or a
// thumbnail sheet in a Web Worker, with a progress bar and a cancel button, and download it.
//
//   npm run example:browser     (bundles this file with esbuild and serves the page)
import { Command, createEngine, RunAbortedError, runCommand, Volume } from 'afmpeg';
import { contactSheet, toGif } from 'afmpeg/recipes';

interface El {
  value: string;
  textContent: string | null;
  disabled: boolean;
  files?: ArrayLike<{ name: string; arrayBuffer(): Promise<ArrayBuffer> }>;
  checked?: boolean;
  innerHTML: string;
  append(...nodes: unknown[]): void;
  addEventListener(type: string, listener: () => void): void;
}
const doc = (
  globalThis as unknown as {
    document: { querySelector(s: string): El; createElement(t: string): Record<string, unknown> };
  }
).document;
const $ = (selector: string) => doc.querySelector(selector);

const engine = createEngine({
  concurrency: 2,
  artifactsUrl: new URL('./wasm/', import.meta.url),
  workerUrl: new URL('./run-worker.js', import.meta.url),
});
const vol = new Volume();
vol.mkdirSync('/in', { recursive: true });
vol.mkdirSync('/out', { recursive: true });
let inputs: string[] = [];
let controller: AbortController | undefined;

const status = (text: string) => {
  $('#status').textContent = text;
};
const log = (line: string) => {
  const el = $('#log');
  el.textContent = `${(el.textContent ?? '').split('\n').slice(-40).join('\n')}\n${line}`;
};
const ready = () => {
  $('#convert').disabled = inputs.length === 0;
  $('#cancel').disabled = true;
};

// Loading starts at once: the first run fetches, checks and compiles the build.
const loading = engine.run(vol, ['-hide_banner', '-version']).then(
  () => status('Ready.'),
  (err: unknown) => status(`FFmpeg did not load: ${(err as Error).message}`),
);

$('#files').addEventListener('change', async () => {
  const files = Array.from($('#files').files ?? []);
  inputs = [];
  for (const [i, file] of files.entries()) {
    const path = `/in/${i}-${file.name.replace(/[^\w.-]/g, '_')}`;
    vol.writeFileSync(path, new Uint8Array(await file.arrayBuffer()));
    inputs.push(path);
  }
  $('#picked').textContent = files.map((f) => f.name).join(', ');
  ready();
});

$('#sample').addEventListener('click', async () => {
  await loading;
  status('Making a 4 s sample clip…');
  await runCommand(
    vol,
    new Command({ y: true, loglevel: 'error' })
      .lavfiInput('testsrc2', { size: '640x360', rate: 25, duration: 4 })
      .lavfiInput('sine', { frequency: 440, duration: 4 })
      .output('/in/sample.mp4', {
        'c:v': 'libx264',
        preset: 'ultrafast',
        pix_fmt: 'yuv420p',
        'c:a': 'aac',
        shortest: true,
      }),
    { engine },
  );
  inputs = ['/in/sample.mp4'];
  $('#picked').textContent = 'sample.mp4 (made here)';
  status('Ready.');
  ready();
});

const isImage = (path: string) => /\.(png|jpe?g|webp|bmp|gif)$/i.test(path);

/** The command for the chosen conversion, and the output's name and type. */
async function conversion(kind: string): Promise<{ cmd: Command<string>; out: string; type: string }> {
  const first = inputs[0] as string;
  if (inputs.every(isImage)) {
    // Images: a slideshow, 2 s each.
    let cmd = new Command({ y: true, hide_banner: true });
    for (const path of inputs) cmd = cmd.input(path, { loop: 1, t: 2, framerate: 25 });
    const scaled = cmd.filter('scale', { w: 640, h: 360, force_original_aspect_ratio: 'decrease' });
    const padded = scaled
      .filter('pad', { w: 640, h: 360, x: '(ow-iw)/2', y: '(oh-ih)/2' })
      .filter('setsar', { sar: 1 });
    const joined = inputs.length > 1 ? padded.filter('concat', { n: inputs.length, v: 1, a: 0 }) : padded;
    if (kind === 'gif')
      return { cmd: joined.output('/out/slides.gif', {}), out: '/out/slides.gif', type: 'image/gif' };
    return {
      cmd: joined.output('/out/slides.mp4', { 'c:v': 'libx264', preset: 'veryfast', pix_fmt: 'yuv420p' }),
      out: '/out/slides.mp4',
      type: 'video/mp4',
    };
  }
  if (kind === 'gif') {
    return {
      cmd: toGif(first, '/out/clip.gif', { duration: 3, width: 320, fps: 10 }),
      out: '/out/clip.gif',
      type: 'image/gif',
    };
  }
  if (kind === 'sheet') {
    const { format } = await engine.probe(vol, first);
    const duration = format.duration ?? 1;
    return {
      cmd: contactSheet(first, '/out/sheet.png', { duration, columns: 4, rows: 3 }),
      out: '/out/sheet.png',
      type: 'image/png',
    };
  }
  return {
    cmd: new Command({ y: true, hide_banner: true }).input(first).output('/out/clip.mp4', {
      'c:v': 'libx264',
      preset: 'veryfast',
      crf: 23,
      pix_fmt: 'yuv420p',
      'c:a': 'aac',
      movflags: 'faststart',
    }),
    out: '/out/clip.mp4',
    type: 'video/mp4',
  };
}

$('#convert').addEventListener('click', async () => {
  const kind = (['mp4', 'gif', 'sheet'].find((k) => doc.querySelector(`input[value=${k}]`).checked) ??
    'mp4') as string;
  controller = new AbortController();
  $('#convert').disabled = true;
  $('#cancel').disabled = false;
  $('#progress').value = '0';
  $('#result').innerHTML = '';
  status('Converting…');
  const started = performance.now();
  try {
    await loading;
    const { cmd, out, type } = await conversion(kind);
    await runCommand(vol, cmd, {
      engine,
      signal: controller.signal,
      probeInputs: true,
      onProgress: (p) => {
        if (p.percent !== undefined) $('#progress').value = String(p.percent);
      },
      onStderr: log,
    });
    $('#progress').value = '100';
    const bytes = vol.readFileSync(out) as Uint8Array;
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    const view = doc.createElement(type.startsWith('video') ? 'video' : 'img');
    Object.assign(view, { src: url, controls: true, id: 'output' });
    const link = doc.createElement('a');
    Object.assign(link, {
      href: url,
      download: out.split('/').pop(),
      textContent: `Download ${out.split('/').pop()} (${(bytes.length / 1024).toFixed(0)} KB)`,
      id: 'download',
    });
    $('#result').append(view, link);
    status(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } catch (err) {
    status(
      err instanceof RunAbortedError
        ? 'Cancelled.'
        : `Failed: ${(err as Error).name}: ${(err as Error).message.split('\n')[0]}`,
    );
  } finally {
    ready();
  }
});

$('#cancel').addEventListener('click', () => controller?.abort());
