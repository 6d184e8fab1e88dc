// `npm start`: build, then open the desktop app on the user's database. Where the Electron binary
// could not be downloaded, say so and point to web mode instead of failing obscurely.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNativeBinding } from './electron-native.mjs';
import { electronBinary, MISSING_BINARY_HELP } from './electron-path.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const binary = electronBinary();
if (!binary) {
  console.error(
    `tranche: the Electron binary is not installed, so the desktop app cannot open here. ${MISSING_BINARY_HELP}`,
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', '--silent', 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

let nativeBinding;
try {
  nativeBinding = ensureElectronNativeBinding();
} catch (error) {
  console.error(`tranche: ${error.message}. ${MISSING_BINARY_HELP}`);
  process.exit(1);
}

const app = spawn(binary, [ROOT, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TRANCHE_NATIVE_BINDING: nativeBinding },
});
app.on('exit', (code) => process.exit(code ?? 0));
