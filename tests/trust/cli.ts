import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { TEST_KDF } from '../support/temp-db';

/** The command line in this process, as a person at a terminal-less shell would run it. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
