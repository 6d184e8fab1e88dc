import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEMO_PASSPHRASE } from '../../shared/people';

// The command line as a person runs it: a process of its own (`npm run tranche`'s script, which
// runs the bundle), so that two of them, or one beside web mode, really contend for the file.

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tranche(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  const child = spawn(process.execPath, [path.join(ROOT, 'build/scripts/tranche.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, TRANCHE_PASSPHRASE: DEMO_PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
