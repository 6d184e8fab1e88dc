// Electron's own postinstall is denied in package.json (allowScripts) so that an offline machine can
// still install. This script makes the download attempt itself and never fails the install: it says
// in one line what happened and how to retry.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronPackageDir, MISSING_BINARY_HELP } from './electron-path.mjs';

const explicit = process.argv.includes('--download');
const say = (line) => console.log(`tranche: ${line}`);

function main() {
  if (electronBinary()) {
    if (explicit) say(`the Electron binary is present (${electronBinary()}).`);
    return 0;
  }
  const dir = electronPackageDir();
  if (!dir) {
    say('the electron package is not installed; run `npm install` first.');
    return explicit ? 1 : 0;
  }
  if (
    !explicit &&
    (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.TRANCHE_SKIP_ELECTRON_DOWNLOAD)
  ) {
    say(
      'Electron binary download skipped by the environment; the desktop shell will not start until it is ' +
        `downloaded. ${MISSING_BINARY_HELP}`,
    );
    return 0;
  }
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 5 * 60 * 1000,
  });
  if (run.status === 0 && electronBinary()) {
    say('Electron binary downloaded; `npm start` opens the desktop app.');
    return 0;
  }
  const reason =
    firstLine(run.stderr) || firstLine(run.stdout) || (run.error ? run.error.message : 'unknown error');
  say(
    `could not download the Electron binary (${reason}); the desktop shell will not start until it can. ` +
      MISSING_BINARY_HELP,
  );
  return explicit ? 1 : 0;
}

function firstLine(text) {
  const line = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return line ? line.replace(/^Error:\s*/, '').slice(0, 160) : '';
}

process.exit(main());
