import { readFileSync } from 'node:fs';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { terminalPrompt } from './prompt';
import { runCli } from './run';
import { writeOut } from './stdout';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => writeOut(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  migrationsFolder: MIGRATIONS_FOLDER,
  version,
  // Looked at only when a passphrase is asked for: touching process.stdin sets up its stream, which
  // cost every start about 3 ms.
  get prompt() {
    return terminalPrompt();
  },
});
