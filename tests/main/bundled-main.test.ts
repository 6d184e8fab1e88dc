import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { tempDir } from '../support/temp-db';

// The bundled main process (dist/electron/main.cjs, what the installer ships) loaded by Node with
// a stand-in for `electron`: it must start, open and migrate its database, and answer over IPC,
// including the document builders whose fonts travel inside the bundle.
const BUNDLE = path.resolve('dist/electron/main.cjs');

const STAND_IN = `
const Module = require('node:module');
const handlers = new Map();
const noop = () => {};
const emitter = () => ({ on() { return this; }, once() { return this; } });
const fake = {
  app: Object.assign(emitter(), {
    enableSandbox: noop, requestSingleInstanceLock: () => true, quit: noop, exit: (c) => process.exit(c),
    whenReady: () => Promise.resolve(), getAppPath: () => process.env.APP_ROOT, \
getVersion: () => 'bundle-test', isPackaged: true,
  }),
  BrowserWindow: class { constructor() {} once() {} on() {} loadURL() { return Promise.resolve(); } },
  protocol: { registerSchemesAsPrivileged: noop, handle: noop },
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn) },
  session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, \
setDevicePermissionHandler: noop, webRequest: { onBeforeRequest: noop } } },
  shell: { openExternal: noop },
  dialog: { showErrorBox: (t, m) => { console.error(t, m); process.exit(3); } },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'electron' \
? 'electron-stand-in' : resolve.call(this, request, ...rest); };
require.cache['electron-stand-in'] = { id: 'electron-stand-in', filename: 'electron-stand-in', \
loaded: true, exports: fake };
require(process.env.BUNDLE);
// The channels are registered once the engine's worker has opened the database.
const whenRegistered = (run) => (handlers.size > 0 ? run() : setTimeout(() => whenRegistered(run), 50));
whenRegistered(async () => {
  const event = { senderFrame: { url: 'app://tranche/index.html', parent: null } };
  const call = (channel, input) => handlers.get(channel)(event, input);
  const out = {};
  out.channels = handlers.size;
  out.demo = (await call('demo:load', {})).ok;
  // Exporting reads the drafted notice: the lead officer moves the demo round to its decision, drafts it.
  const people = await call('people:list', {});
  const lead = people.ok ? people.value.find((p) => p.name === 'Dan Hughes') : undefined;
  const unlock = lead && (await call('people:setProfile', { personId: lead.id, passphrase: process.env.DEMO }));
  out.unlocked = Boolean(unlock && unlock.ok);
  out.decision = (await call('rounds:setStage', { roundId: 1, to: 'decision' })).ok;
  out.drafted = (await call('notices:create', { roundId: 1 })).ok;
  const pdf = await call('notices:export', { roundId: 1, format: 'pdf' });
  out.pdf = pdf.ok ? Buffer.from(pdf.value.dataBase64, 'base64').subarray(0, 4).toString() : pdf.error.message;
  const docx = await call('notices:export', { roundId: 1, format: 'docx' });
  out.docx = docx.ok ? Buffer.from(docx.value.dataBase64, 'base64').subarray(0, 2).toString() : docx.error.message;
  const rounds = await call('rounds:list', {});
  out.rounds = rounds.ok ? rounds.value.length : rounds.error.message;
  console.log(JSON.stringify(out));
  process.exit(0);
});
`;

describe('the bundled main process', () => {
  it('starts with a stand-in electron, migrates its database and answers over IPC, documents included', () => {
    if (!existsSync(BUNDLE))
      throw new Error('dist/electron/main.cjs is missing: run `npm run build` first (npm test does this).');
    const dir = tempDir('tranche-bundle-');
    const script = path.join(dir, 'run.cjs');
    writeFileSync(script, STAND_IN);
    const result = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: {
        ...process.env,
        APP_ROOT: path.resolve('.'),
        BUNDLE,
        DEMO: DEMO_PASSPHRASE,
        TRANCHE_DB: path.join(dir, 'tranche.db'),
      },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}')).toMatchObject({
      demo: true,
      unlocked: true,
      decision: true,
      drafted: true,
      pdf: '%PDF',
      docx: 'PK',
      rounds: 2,
      channels: expect.any(Number),
    });
  });
});
