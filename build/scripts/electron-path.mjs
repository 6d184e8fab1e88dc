// Where the Electron binary is, if its download ever succeeded. Shared by the install, start and
// test scripts so they agree on what "missing" means.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Absolute path of the Electron executable, or null when it has not been downloaded. */
export function electronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  try {
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const full = override ? path.join(override, relative) : path.join(dir, 'dist', relative);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

export const MISSING_BINARY_HELP =
  'Run `npm run electron:download` on a machine that can reach the Electron download; until then ' +
  '`npm start` and `npm run web` run Tranche in a browser.';
