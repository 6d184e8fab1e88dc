import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Runs the real `npm run web` entry point (without its build step) as a child process, so the
// browser tests exercise exactly what a developer runs, and can stop and restart it.

export interface RunningBridge {
  url: string;
  origin: string;
  token: string;
  db: string;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function tempDatabase(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'tranche-e2e-')), 'tranche.db');
}

export function startBridge(db: string = tempDatabase()): Promise<RunningBridge> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/bridge/main.ts', '--db', db],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TRANCHE_DB: db },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The web bridge did not start in time:\n${output}`)),
      // It verifies the whole record before it listens: a 10,000-bid round on a loaded machine takes a while.
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tranche web mode: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, origin = '', token = ''] = match;
      resolve({
        url: `${origin}/?token=${token}`,
        origin,
        token,
        db,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web bridge exited (${code}) before it was ready:\n${output}`));
    });
  });
}
