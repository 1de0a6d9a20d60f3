/**
 * A warm engine for a FATE pass (scripts/fate/fate.sh): compiling the wasm build once instead of
 * in every one of FATE's ~1,500 ffmpeg/ffprobe invocations. Listens on a unix socket; each
 * connection is one invocation: the client (target-exec.ts) sends one JSON line
 * `{ tool, args, cwd }`, the server answers with frames (wire.ts): stdout bytes, stderr text, then
 * the outcome, and closes.
 *
 *   node .out/scripts/fate/engine-server.js <socket> <concurrency>
 */
import { rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { fateEngine, type Invocation, runInvocation } from './invocation.js';
import { FrameType, frame } from './wire.js';

const [socketPath, jobs] = process.argv.slice(2);
if (!socketPath) throw new Error('usage: engine-server.js <socket> <concurrency>');
const engine = fateEngine(Number(jobs ?? 2));

function serve(socket: Socket): void {
  let request = '';
  const onData = (chunk: Buffer) => {
    request += chunk.toString('utf8');
    const end = request.indexOf('\n');
    if (end < 0) return;
    socket.off('data', onData);
    const invocation = JSON.parse(request.slice(0, end)) as Invocation;
    // The socket's own flow control carries FATE's backpressure back to FFmpeg.
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        socket.write(frame(FrameType.Stdout, chunk), (err) => done(err ?? null));
      },
    });
    const stderr = (text: string) => socket.write(frame(FrameType.Stderr, Buffer.from(text)));
    void runInvocation(engine, invocation, { stdout, stderr }).then((outcome) =>
      socket.end(frame(FrameType.Outcome, Buffer.from(JSON.stringify(outcome)))),
    );
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}

rmSync(socketPath, { force: true });
const server = createServer(serve).listen(socketPath, () => process.stdout.write('ready\n'));
const stop = () => server.close(() => void engine.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
