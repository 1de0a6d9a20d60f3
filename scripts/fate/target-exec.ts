/**
 * FATE's TARGET_EXEC hook (scripts/fate/fate.sh): `node target-exec.js --test <name> <program>
 * [args...]`. An `ffmpeg` or `ffprobe` program runs through afmpeg's engine over the wasm build,
 * with the FATE tree mounted at its own path and the caller's working directory; stdout, stderr
 * and the exit code pass through as FATE expects of the program itself. The run goes to the warm
 * engine-server.ts when AFMPEG_FATE_SOCKET is set (and it needs no stdin), else to an engine
 * created here. Anything else (FATE's own helper and unit-test programs) runs natively as is.
 * Each engine run is appended to AFMPEG_FATE_LOG/<test>.jsonl for compare.ts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { connect } from 'node:net';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import type { Tool } from 'afmpeg';
import type { Invocation, Outcome } from './invocation.js';
import { FrameReader, FrameType, fateEnv } from './wire.js';

/** Only a run that reads pipe:0 gets FATE's stdin. */
function readsStdin(args: readonly string[]): boolean {
  return args.some((a, i) => args[i - 1] === '-i' && (a === '-' || a === 'pipe:' || a === 'pipe:0'));
}

async function inProcess(invocation: Invocation, stdout: Writable): Promise<Outcome> {
  // Loaded only here: the library's import costs more than a whole small run through the server.
  const { fateEngine, runInvocation } = await import('./invocation.js');
  const engine = fateEngine(1);
  try {
    return await runInvocation(engine, invocation, {
      stdout,
      stderr: (text) => process.stderr.write(text),
      stdin: readsStdin(invocation.args) ? process.stdin : undefined,
    });
  } finally {
    await engine.close();
  }
}

function throughServer(socketPath: string, invocation: Invocation, stdout: Writable): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath, () => socket.write(`${JSON.stringify(invocation)}\n`));
    const reader = new FrameReader();
    let outcome: Outcome | undefined;
    socket.on('data', (chunk: Buffer) => {
      for (const { type, payload } of reader.push(chunk)) {
        if (type === FrameType.Stderr) process.stderr.write(payload);
        else if (type === FrameType.Outcome) outcome = JSON.parse(payload.toString('utf8')) as Outcome;
        else if (!stdout.write(Buffer.from(payload))) {
          socket.pause();
          stdout.once('drain', () => socket.resume());
        }
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      outcome ? resolve(outcome) : reject(new Error('the engine server closed without an outcome')),
    );
  });
}

async function runTool(tool: Tool, args: string[], test: string): Promise<number> {
  const invocation: Invocation = { tool, args, cwd: process.cwd() };
  // stdout goes on to FATE unchanged; its hash lets compare.ts find the tests whose whole output
  // is one engine run's (the CI subset).
  const hash = createHash('sha256');
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      process.stdout.write(chunk, (err) => done(err ?? null));
    },
  });
  const started = performance.now();
  const socketPath = process.env.AFMPEG_FATE_SOCKET;
  const outcome =
    socketPath && !readsStdin(args)
      ? await throughServer(socketPath, invocation, stdout)
      : await inProcess(invocation, stdout);
  await new Promise<void>((resolve) => stdout.end(resolve));
  const record = {
    ...invocation,
    ...outcome,
    ms: Math.round(performance.now() - started),
    stdoutSha256: hash.digest('hex'),
  };
  appendFileSync(
    join(fateEnv('AFMPEG_FATE_LOG'), `${test.replaceAll('/', '_')}.jsonl`),
    `${JSON.stringify(record)}\n`,
  );
  return outcome.exitCode;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let test = 'unknown';
  if (argv[0] === '--test') {
    argv.shift();
    test = argv.shift() ?? test;
  }
  const [program, ...args] = argv;
  if (program === undefined) throw new Error('usage: target-exec.js [--test <name>] <program> [args...]');
  const tool = basename(program);
  if (tool === 'ffmpeg' || tool === 'ffprobe') return runTool(tool, args, test);
  const native = spawnSync(program, args, { stdio: 'inherit' });
  if (native.error) throw native.error;
  return native.status ?? 128;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: unknown) => {
    process.stderr.write(`target-exec: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(255);
  },
);
