// `npm start`: always opens Tranche. Where the Electron binary is present, builds and opens the
// desktop app on the user's database; where it is not, says so in one line and starts web mode,
// opening the default browser at its tokenised address (or printing it where there is no browser).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-path.mjs';
import { openInBrowser, startTranche, webModeAddress } from './start-tranche.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const userArgs = process.argv.slice(2);
const say = (line) => console.error(line);

function npmRun(script) {
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return run.status ?? 1;
}

/**
 * Resolves to the child's exit code. Ctrl+C reaches the child from the terminal itself, so this
 * process only waits for it to stop; a termination sent to this process alone is passed on.
 */
function exitCodeOf(child) {
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

async function runDesktop(binary) {
  const built = npmRun('build');
  if (built !== 0) return built;
  // better-sqlite3 13 is a Node-API addon: the build in node_modules loads in Electron as it is.
  const app = spawn(binary, [ROOT, ...userArgs], { cwd: ROOT, stdio: 'inherit' });
  return exitCodeOf(app);
}

async function runWeb() {
  const built = npmRun('build:renderer');
  if (built !== 0) return built;
  const bridge = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), 'electron/bridge/main.ts', ...userArgs],
    {
      cwd: ROOT,
      stdio: ['inherit', 'pipe', 'inherit'],
    },
  );
  let seen = '';
  const watchForAddress = (chunk) => {
    process.stdout.write(chunk);
    seen += chunk.toString();
    const address = webModeAddress(seen);
    if (!address) return;
    bridge.stdout.off('data', watchForAddress);
    bridge.stdout.pipe(process.stdout);
    void openInBrowser(address).then((opened) => {
      if (!opened) say(`tranche: no browser could be opened here; open ${address} in one.`);
    });
  };
  bridge.stdout.on('data', watchForAddress);
  return exitCodeOf(bridge);
}

process.exit(await startTranche({ binary: electronBinary(), runDesktop, runWeb, log: say }));
