import type * as Electron from 'electron';
import path from 'node:path';
import { openDatabase, type Connection } from '../../db/connection';
import { defaultDatabaseFile } from '../../db/location';
import { createStore } from '../../db/store';
import { createContext } from '../handlers/context';
import { startRecordKeeping } from '../handlers/audit/start';
import { dispatch } from '../handlers/dispatch';
import { registerIpc } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { installGuards, lockDownSession, windowOptions } from './security';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'protocol' | 'ipcMain' | 'session' | 'shell' | 'dialog'
>;

/** Paths inside the app (the asar when packaged, the project folder in development). */
export function appPaths(appRoot: string) {
  return {
    renderer: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    migrations: path.join(appRoot, 'db', 'migrations'),
  };
}

/**
 * Wires the desktop app. Takes the electron module as an argument so the whole wiring can be run
 * in Node against a stand-in, where the Electron binary is not available.
 */
export function startApp(electron: ElectronModule, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { app, BrowserWindow, protocol, ipcMain, session, shell, dialog } = electron;
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  installGuards(app, shell);

  let connection: Connection | undefined;
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
    if (connection && !mainWindow) openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => connection?.close());

  return app.whenReady().then(() => {
    const file = defaultDatabaseFile(env);
    try {
      connection = openDatabase(file, { migrationsFolder: paths.migrations });
    } catch (error) {
      dialog.showErrorBox(
        'Tranche cannot open its database',
        `${file}\n\n${error instanceof Error ? error.message : String(error)}`,
      );
      app.exit(1);
      return;
    }
    const ctx = createContext(createStore(connection), app.getVersion());
    // Verify the record and keep daily backups; problems show as a banner, never a crash.
    const recordKeeping = startRecordKeeping(ctx);
    app.on('will-quit', () => recordKeeping.stop());
    lockDownSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
    registerIpc(ipcMain, (channel, input) => dispatch(channel, input, ctx));
    openWindow();
  });
}
