import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BuildIntegrityError, createEngine, Volume } from 'afmpeg';
import { describe, expect, it } from 'vitest';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A build as one directory, the way one is published elsewhere (R-AF-14): the committed gpl
 * variant's files plus the glue it pins, which the package stores shared under wasm/glue/.
 */
function standaloneGpl(): string {
  const wasm = fileURLToPath(new URL('../../wasm', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'afmpeg-build-'));
  cpSync(join(wasm, 'gpl'), dir, { recursive: true });
  const provenance = JSON.parse(readFileSync(join(dir, 'PROVENANCE.json'), 'utf8')) as {
    files: { name: string; sha256: string }[];
  };
  const glue = provenance.files.find((f) => f.name === 'afmpeg.js')?.sha256 ?? '';
  cpSync(join(wasm, 'glue', `afmpeg-${glue.slice(0, 16)}.js`), join(dir, 'afmpeg.js'));
  return dir;
}
const gplDir = standaloneGpl();

describe('R-AF-9 R-AF-14: choosing and verifying a build', () => {
  it.each([
    ['a self-contained build directory', gplDir],
    // A copy of the package's own layout: the glue is shared in ../glue/, named by its sha256.
    [
      "the package's own wasm/gpl (glue in wasm/glue/)",
      fileURLToPath(new URL('../../wasm/gpl', import.meta.url)),
    ],
  ])(
    'R-AF-14: %s loads by path and runs when its PROVENANCE.json matches the pinned sha256',
    async (_what, dir) => {
      const pinned = sha256(readFileSync(join(dir, 'PROVENANCE.json')));
      const engine = createEngine({ variant: { path: dir, sha256: pinned }, concurrency: 1 });
      try {
        const vol = new Volume();
        await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=0.2', '/a.wav']);
        expect((await engine.probe(vol, '/a.wav')).streams[0]?.codecName).toBe('pcm_s16le');
      } finally {
        await engine.close();
      }
    },
  );

  it('R-AF-14: a build fetched from an http URL (and from a file: URL) is verified, then runs', async () => {
    const served: string[] = [];
    const server = createServer((req, res) => {
      const name = (req.url ?? '/').slice(1);
      served.push(name);
      try {
        res.end(readFileSync(join(gplDir, name)));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    const pinned = sha256(readFileSync(join(gplDir, 'PROVENANCE.json')));
    try {
      for (const url of [`http://127.0.0.1:${port}/`, pathToFileURL(`${gplDir}/`)]) {
        const engine = createEngine({ variant: { url, sha256: pinned }, concurrency: 1 });
        try {
          const vol = new Volume();
          await engine.run(vol, ['-f', 'lavfi', '-i', 'sine=duration=0.2', '/a.flac']);
          expect((await engine.probe(vol, '/a.flac')).streams[0]?.codecName).toBe('flac');
        } finally {
          await engine.close();
        }
      }
      expect(served).toContain('PROVENANCE.json');
      expect(served.filter((n) => n.endsWith('.wasm.br')).length).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });

  it('R-AF-14: a wrong pin is refused with BuildIntegrityError before anything runs', async () => {
    const engine = createEngine({ variant: { path: gplDir, sha256: '0'.repeat(64) } });
    await expect(engine.run(new Volume(), ['-version'])).rejects.toBeInstanceOf(BuildIntegrityError);
    await engine.close();
  });

  it('R-AF-14: a tampered file under a correct pin is refused with BuildIntegrityError', async () => {
    const dir = standaloneGpl();
    try {
      const pinned = sha256(readFileSync(join(dir, 'PROVENANCE.json')));
      writeFileSync(join(dir, 'afmpeg.js'), `${readFileSync(join(dir, 'afmpeg.js'), 'utf8')}\n// tampered\n`);
      const engine = createEngine({ variant: { path: dir, sha256: pinned } });
      const err = await engine.run(new Volume(), ['-version']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BuildIntegrityError);
      expect((err as Error).message).toMatch(/afmpeg\.js/);
      await engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('R-AF-9: a variant this package does not carry is a clear BuildIntegrityError', async () => {
    // A copy of the package that ships only gpl: its engine must refuse lean and lgpl, by name.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'afmpeg-gpl-only-'));
    try {
      // Without source maps: they point at sources that are not copied.
      cpSync(join(root, 'dist'), join(dir, 'dist'), {
        recursive: true,
        filter: (src) => !src.endsWith('.map'),
      });
      cpSync(join(root, 'package.json'), join(dir, 'package.json'));
      mkdirSync(join(dir, 'wasm'));
      symlinkSync(gplDir, join(dir, 'wasm', 'gpl'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
      const copy = (await import(
        pathToFileURL(join(dir, 'dist', 'index.js')).href
      )) as typeof import('afmpeg');
      expect(copy.availableVariants()).toEqual(['gpl']);
      for (const missing of ['lean', 'lgpl'] as const) {
        const engine = copy.createEngine({ variant: missing });
        const err = await engine.run(new copy.Volume(), ['-version']).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(copy.BuildIntegrityError);
        expect((err as Error).message).toContain(`no FFmpeg build for variant ${missing}`);
        expect((err as Error).message).toContain('available here: gpl');
        await engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
