// In development node_modules keeps the Node build of better-sqlite3, which the tests and the
// command line use. The desktop app needs one built for Electron's ABI: this makes that copy in
// .cache/ (a prebuilt download first, a compile from source second) without touching node_modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function electronNativeBindingPath() {
  const { version } = require('electron/package.json');
  return path.join(
    ROOT,
    '.cache',
    'electron-native',
    `${version}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
}

function run(command, args, cwd, env) {
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return result.status === 0;
}

function nodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
  }
}

/** Path of an Electron build of better-sqlite3, making it first if needed; throws with a reason. */
export function ensureElectronNativeBinding() {
  const target = electronNativeBindingPath();
  if (existsSync(target)) return target;
  const { version } = require('electron/package.json');
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(tmpdir(), 'tranche-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (file) => !file.startsWith(path.join(source, 'build')) });
    // A user-level nodedir (as on some build machines) would make node-gyp ignore the Electron target.
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (/^npm_config_nodedir$/i.test(key)) delete env[key];
    console.log(`tranche: building better-sqlite3 for Electron ${version} (once; kept in .cache/)…`);
    const built =
      run(
        process.execPath,
        [
          require.resolve('prebuild-install/bin.js'),
          '--runtime',
          'electron',
          '--target',
          version,
          '--arch',
          process.arch,
        ],
        work,
        env,
      ) ||
      run(
        process.execPath,
        [
          nodeGyp(),
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${process.arch}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        work,
        env,
      );
    const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(binary))
      throw new Error(
        'could not build better-sqlite3 for Electron (no prebuilt download and no compiler or headers)',
      );
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(binary, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
