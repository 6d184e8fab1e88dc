import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Tranche';
export const DATABASE_FILE_NAME = 'tranche.db';

/**
 * The folder Electron calls `userData` for this app, worked out without Electron so that the
 * command-line tool and the web bridge open the same database as the desktop app.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** `TRANCHE_DB` when set, else `tranche.db` in the app's data folder. */
export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRANCHE_DB ? path.resolve(env.TRANCHE_DB) : path.join(userDataDir(env), DATABASE_FILE_NAME);
}
