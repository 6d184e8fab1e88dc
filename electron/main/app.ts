import type * as Electron from 'electron';
import path from 'node:path';
import { defaultDatabaseFile } from '../../db/location';
import { startEngine, type Engine } from '../engine/engine';
import { registerIpc } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { installGuards, lockDownSession, windowOptions } from './security';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'protocol' | 'ipcMain' | 'session' | 'shell' | 'dialog'
>;

/**
 * Paths inside the app (the asar when packaged, the project folder in development). What the
 * engine worker loads comes from beside the asar, where electron-builder unpacks it (`asarUnpack`
 * in electron-builder.yml): a worker thread is started by Node's own loader, and neither it nor
 * the native SQLite addon it opens can rely on reading from inside the archive.
 */
export function appPaths(appRoot: string) {
  const unpacked = appRoot.endsWith('.asar') ? `${appRoot}.unpacked` : appRoot;
  return {
    renderer: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    migrations: path.join(unpacked, 'db', 'migrations'),
    /** The engine worker, bundled beside the main process by build/scripts/bundle-electron.mjs. */
    engine: path.join(unpacked, 'dist', 'electron', 'engine-worker.cjs'),
  };
}

/**
 * Wires the desktop app. Takes the electron module as an argument so the whole wiring can be run
 * in Node against a stand-in, where the Electron binary is not available.
 */
export function startApp(
  electron: ElectronModule,
  env: NodeJS.ProcessEnv = process.env,
  engineFile?: string | URL,
): Promise<void> {
  const { app, BrowserWindow, protocol, ipcMain, session, shell, dialog } = electron;
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  installGuards(app, shell);

  let engine: Engine | undefined;
  let mainWindow: Electron.BrowserWindow | undefined;
  const paths = appPaths(app.getAppPath());

  const openWindow = () => {
    const window = new BrowserWindow(windowOptions(paths.preload));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    void window.loadURL(APP_ENTRY_URL);
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (engine && !mainWindow) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void engine?.close());

  return app.whenReady().then(async () => {
    const file = defaultDatabaseFile(env);
    try {
      // The database, the record's checks and backups and every handler run in the engine's worker
      // thread: a long handler (ranking 10,000 bids) never freezes a window or the menus.
      engine = await startEngine(engineFile ?? paths.engine, {
        file,
        migrationsFolder: paths.migrations,
        version: app.getVersion(),
      });
    } catch (error) {
      dialog.showErrorBox(
        'Tranche cannot open its database',
        `${file}\n\n${error instanceof Error ? error.message : String(error)}`,
      );
      app.exit(1);
      return;
    }
    const running = engine;
    lockDownSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
    // The main process checks the sender (registerIpc) and forwards; the engine decides.
    registerIpc(ipcMain, (channel, input) => running.call(channel, input));
    openWindow();
  });
}
