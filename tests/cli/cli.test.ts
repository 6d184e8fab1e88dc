import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { tempDbFile, tempDir } from '../support/temp-db';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const createArgs = (db: string) => [
  '--db', db, 'rounds', 'create', '--fund', 'Invest to Save', '--name', '2013-14 tranche 2', '--budget', '£350,000', '--committed', '£30,000', '--json',
];

describe('tranche command line', () => {
  it('creates a round and prints it as JSON with money in pence', async () => {
    const db = tempDbFile();
    const { code, stdout } = await cli(createArgs(db));
    expect(code).toBe(0);
    const round = JSON.parse(stdout) as Record<string, unknown>;
    expect(round).toMatchObject({ id: 1, fund: 'Invest to Save', name: '2013-14 tranche 2', budgetPence: 35_000_000, committedPence: 3_000_000, availablePence: 32_000_000 });

    const listed = await cli(['--db', db, 'rounds', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([round]);
  });

  it('refuses a budget that is not money with exit 2, one line on stderr, and writes nothing', async () => {
    const db = tempDbFile();
    const { code, stdout, stderr } = await cli(['--db', db, 'rounds', 'create', '--fund', 'Invest to Save', '--name', 'x', '--budget', '£3OO']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('--budget: "£3OO" is not an amount of money');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses what the handlers refuse with exit 2 and leaves the data as it was', async () => {
    const db = tempDbFile();
    await cli(createArgs(db));
    const again = await cli(createArgs(db));
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('tranche: Invest to Save already has a round called "2013-14 tranche 2"');
    const over = await cli(['--db', db, 'rounds', 'create', '--fund', 'F', '--name', 'N', '--budget', '5', '--committed', '6']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('Commitments (£6) cannot be more than the budget (£5)');
    expect(JSON.parse((await cli(['--db', db, 'rounds', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('refuses unknown commands, unknown options and missing options with exit 2', async () => {
    const db = tempDbFile();
    expect((await cli(['--db', db, 'rounds', 'frobnicate'])).code).toBe(2);
    const unknown = await cli(['--db', db, 'rounds', 'list', '--colour']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain("'--colour'");
    expect(await cli(['--db', db, 'rounds', 'create', '--fund', 'F', '--budget', '5'])).toMatchObject({ code: 2, stderr: 'tranche: --name is required' });
    expect(await cli(['--db', db, 'rounds', 'archive', '--round', 'abc'])).toMatchObject({ code: 2 });
    expect((await cli([])).code).toBe(2);
    expect(await cli(['--help'])).toMatchObject({ code: 0 });
  });

  it('uses TRANCHE_DB when no --db is given', async () => {
    const db = tempDbFile();
    expect((await cli(['rounds', 'create', '--fund', 'F', '--name', 'N', '--budget', '£1k'], { TRANCHE_DB: db })).code).toBe(0);
    expect(JSON.parse((await cli(['--db', db, 'rounds', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('exits 1 when the database cannot be opened', async () => {
    const notADb = path.join(tempDir(), 'dir.db');
    mkdirSync(notADb);
    const result = await cli(['--db', notADb, 'rounds', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot open the database');
  });

  it('prints a readable table without --json', async () => {
    const db = tempDbFile();
    await cli(createArgs(db));
    const { stdout } = await cli(['--db', db, 'rounds', 'list']);
    expect(stdout).toMatch(/Invest to Save\s+2013-14 tranche 2\s+£350,000\s+£30,000\s+£320,000/);
  });

  it('runs as `npm run --silent tranche` with the documented exit codes', async () => {
    const db = tempDbFile();
    const run = (args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'tranche', '--', ...args], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
    const created = run(createArgs(db));
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ availablePence: 32_000_000 });
    const refused = run(['--db', db, 'rounds', 'create', '--fund', 'F', '--name', 'N', '--budget', '£3OO']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is not an amount of money');
  });
});
