import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type Engine } from '../../electron/engine/engine';
import { appPaths } from '../../electron/main/app';
import { tempDbFile, tempDir } from '../support/temp-db';

// Issue 19: in the installed app the engine worker (the database and every handler) must start
// from the packaged layout. Electron's binary is absent here, so electron-builder lays the app out
// as it would for an installer, with electron-builder.yml as shipped, around a stand-in binary; the
// engine is then started in plain Node from the paths the main process uses. Plain Node cannot read
// inside an asar at all, so the engine answering proves that nothing it loads (its bundle,
// better-sqlite3 and its native addon, the migrations) is left inside the archive.

const WORKER_BUNDLE = 'dist/electron/engine-worker.cjs';
let resources: string;
let engine: Engine | undefined;

beforeAll(async () => {
  expect(existsSync(WORKER_BUNDLE), 'run `npm run build` first (npm test does)').toBe(true);
  const stand_in = tempDir('tranche-electron-dist-');
  writeFileSync(path.join(stand_in, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  mkdirSync(path.join(stand_in, 'resources'));
  const output = tempDir('tranche-release-');
  await build({
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      // Only what a stand-in binary forces: the rest is electron-builder.yml as shipped.
      electronDist: stand_in,
      electronVersion: '40.10.2',
      electronFuses: null,
      directories: { output },
    },
  });
  resources = path.join(output, 'linux-unpacked', 'resources');
}, 180_000);

afterAll(async () => {
  await engine?.close();
});

describe('the engine in the packaged app', () => {
  it('is packed into the asar, with the engine and what it loads unpacked beside it', () => {
    expect(existsSync(path.join(resources, 'app.asar'))).toBe(true);
    const paths = appPaths(path.join(resources, 'app.asar'));
    expect(paths.engine).toBe(path.join(resources, 'app.asar.unpacked', WORKER_BUNDLE));
    expect(existsSync(paths.engine)).toBe(true);
    expect(existsSync(path.join(paths.migrations, 'meta', '_journal.json'))).toBe(true);
    expect(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))).toBe(
      true,
    );
    // The window's own files stay inside the archive.
    expect(paths.preload.startsWith(path.join(resources, 'app.asar', ''))).toBe(true);
  });

  it('starts from there, opens a new database and answers a call', async () => {
    const paths = appPaths(path.join(resources, 'app.asar'));
    engine = await startEngine(paths.engine, {
      file: tempDbFile(),
      migrationsFolder: paths.migrations,
      version: '0.0.0-packaged',
    });
    const rounds = await engine.call('rounds:list', {});
    expect(rounds).toEqual({ ok: true, value: [] });
    const created = await engine.call('rounds:create', {
      fund: 'Invest to Save',
      name: 'Packaged',
      budgetPence: 100,
    });
    expect(created.ok).toBe(true);
  }, 60_000);
});
