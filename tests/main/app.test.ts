import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { startApp, type ElectronModule } from '../../electron/main/app';
import { CHANNELS } from '../../shared/contract';
import { tempDir } from '../support/temp-db';
import { fakeElectron, FakeWebContents } from './fake-electron';

let fake: ReturnType<typeof fakeElectron>;
let dbFile: string;

beforeEach(async () => {
  const root = tempDir('tranche-app-');
  cpSync(MIGRATIONS_FOLDER, path.join(root, 'db', 'migrations'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Tranche</title>');
  dbFile = path.join(root, 'data', 'tranche.db');
  fake = fakeElectron(root);
  await startApp(
    fake.electron as unknown as ElectronModule,
    { TRANCHE_DB: dbFile },
    new URL('../../electron/engine/engine-worker-source.mjs', import.meta.url),
  );
});

const trusted = { senderFrame: { url: 'app://tranche/index.html', parent: null } };

describe('the desktop main process, wired against a stand-in electron', () => {
  it('opens one sandboxed, isolated window with no Node, on the app:// page', () => {
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(
      /dist[/\\]electron[/\\]preload\.cjs$/,
    );
    expect(window.loadedUrl).toBe('app://tranche/index.html');
  });

  it('registers the app:// scheme as secure before the app is ready, and serves the UI with a strict CSP', async () => {
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.electron.protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    const handler = fake.electron.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://tranche/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Tranche</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe');
  });

  it('registers exactly the contract channels, and answers only the app page', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const create = fake.ipcHandlers.get('rounds:create')!;
    const input = {
      fund: 'Invest to Save',
      name: '2013-14 tranche 2',
      budgetPence: 35_000_000,
      commitments: [{ description: 'Domestic Homicide Review project', amountPence: 3_000_000 }],
    };

    for (const senderFrame of [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'app://tranche/index.html', parent: {} },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'app://other/index.html', parent: null },
    ]) {
      expect(await create({ senderFrame }, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await fake.ipcHandlers.get('rounds:list')!(trusted, {})).toEqual({ ok: true, value: [] });

    expect(await create(trusted, input)).toMatchObject({ ok: true, value: { availablePence: 32_000_000 } });
    expect(await create(trusted, { ...input, budgetPence: 'lots' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const info = await fake.ipcHandlers.get('app:info')!(trusted, undefined);
    expect(info).toMatchObject({ ok: true, value: { databaseFile: dbFile, version: '9.9.9' } });
  });

  it('keeps every web contents in the app: no navigation away, no new windows, no webviews', () => {
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    const attempt = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(attempt('will-navigate', 'app://tranche/index.html#/rounds')).toBe(false);
    expect(attempt('will-attach-webview', 'app://tranche/')).toBe(true);

    expect(contents.windowOpenHandler!({ url: 'app://tranche/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://www.gov.uk/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://www.gov.uk/');
  });

  it('denies every permission request and blocks every request off the machine', () => {
    let granted: boolean | undefined;
    fake.session.permissionRequestHandler!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.session.permissionCheckHandler!({}, 'notifications')).toBe(false);
    expect(fake.session.deviceHandler!({})).toBe(false);
    expect(fake.session.beforeRequest!.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    let answer: unknown;
    fake.session.beforeRequest!.listener(
      { url: 'https://example.com/' },
      (response: unknown) => (answer = response),
    );
    expect(answer).toEqual({ cancel: true });
  });
});
