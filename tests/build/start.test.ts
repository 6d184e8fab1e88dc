import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import {
  browserOpener,
  chooseStart,
  openInBrowser,
  startTranche,
  WEB_MODE_LINE,
  webModeAddress,
} from '../../build/scripts/start-tranche.mjs';

// `npm start` must open Tranche on any machine: the desktop app where Electron's binary is present,
// web mode in the browser where it is not.

const ADDRESS = 'http://127.0.0.1:41234/?token=abc123';

/** A stand-in for child_process.spawn that runs `command` instead of whatever opener was chosen. */
const spawnInstead = (command: string): typeof spawn =>
  ((_: string, __: readonly string[], options: object) => spawn(command, [], options)) as typeof spawn;

describe('npm start', () => {
  it('with the Electron binary missing, says so in one line and starts web mode', async () => {
    const log = vi.fn();
    const runDesktop = vi.fn(async () => 0);
    const runWeb = vi.fn(async () => 0);
    expect(await startTranche({ binary: null, runDesktop, runWeb, log })).toBe(0);
    expect(runWeb).toHaveBeenCalledOnce();
    expect(runDesktop).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
    const [line] = log.mock.calls[0] as [string];
    expect(line).not.toContain('\n');
    expect(line).toBe(WEB_MODE_LINE);
    expect(line).toMatch(/Electron binary is not installed.*web mode.*npm run electron:download/);
  });

  it('with the Electron binary present, opens the desktop app and prints nothing of its own', async () => {
    const log = vi.fn();
    const runDesktop = vi.fn(async () => 0);
    const runWeb = vi.fn(async () => 0);
    await startTranche({ binary: '/opt/electron/electron', runDesktop, runWeb, log });
    expect(runDesktop).toHaveBeenCalledWith('/opt/electron/electron');
    expect(runWeb).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    expect(chooseStart('/opt/electron/electron')).toEqual({
      mode: 'desktop',
      binary: '/opt/electron/electron',
    });
  });

  it('finds the tokenised address in the web bridge output', () => {
    expect(webModeAddress(`Tranche web mode: ${ADDRESS}\nDatabase: x.db\n`)).toBe(ADDRESS);
    expect(webModeAddress('Tranche web mode: ')).toBeNull();
  });
});

describe('opening the browser', () => {
  it('uses the platform opener, and none on Linux without a display', () => {
    expect(browserOpener(ADDRESS, 'darwin', {})).toEqual({ command: 'open', args: [ADDRESS] });
    expect(browserOpener(ADDRESS, 'linux', { DISPLAY: ':0' })).toEqual({
      command: 'xdg-open',
      args: [ADDRESS],
    });
    expect(browserOpener(ADDRESS, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })?.command).toBe('xdg-open');
    expect(browserOpener(ADDRESS, 'linux', {})).toBeNull();
    const windows = browserOpener(`${ADDRESS}&x=1`, 'win32', {});
    expect(windows?.command).toBe('cmd');
    expect(windows?.args).toEqual(['/c', 'start', '""', `${ADDRESS}^&x=1`]);
  });

  it('reports no browser, without spawning anything, where there is no display', async () => {
    const never = vi.fn();
    expect(await openInBrowser(ADDRESS, { platform: 'linux', env: {}, spawn: never as never })).toBe(false);
    expect(never).not.toHaveBeenCalled();
  });

  it('reports failure when the opener is missing or fails, and success when it works', async () => {
    const linux = { platform: 'linux' as const, env: { DISPLAY: ':0' }, graceMs: 5000 };
    expect(await openInBrowser(ADDRESS, { ...linux, spawn: spawnInstead('/nonexistent/opener') })).toBe(
      false,
    );
    expect(await openInBrowser(ADDRESS, { ...linux, spawn: spawnInstead('false') })).toBe(false);
    expect(await openInBrowser(ADDRESS, { ...linux, spawn: spawnInstead('true') })).toBe(true);
  });

  it('takes an opener that is still running after the grace period to have worked, and lets it go', async () => {
    let child: ChildProcess | undefined;
    const sleeper = ((_: string, __: readonly string[], options: object) =>
      (child = spawn('sleep', ['5'], options))) as typeof spawn;
    const opened = await openInBrowser(ADDRESS, {
      platform: 'linux',
      env: { DISPLAY: ':0' },
      spawn: sleeper,
      graceMs: 200,
    });
    expect(opened).toBe(true);
    child?.kill();
  });
});
