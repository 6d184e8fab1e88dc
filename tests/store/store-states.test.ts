import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownSchemaVersion } from '../../db/store-states';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { cli } from '../support/pack-cli';
import { tempDbFile, tempDir } from '../support/temp-db';
import { mountTmpfs } from '../support/tmpfs';
import { tranche } from './cli-process';

// The store says what is wrong: a newer Tranche's file, a read-only disk, a full disk and a backup
// stopped part-way. Each test reads its outcome as a person would: exit status, the one line, and
// the file itself.

const AS_LEAD = { TRANCHE_PASSPHRASE: DEMO_PASSPHRASE };
const LEAD = ['--as', 'Dan Hughes'];
const bytesOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function demoDatabase(file = tempDbFile()): Promise<string> {
  expect((await cli(['--db', file, 'demo'])).code).toBe(0);
  return file;
}

const createRound = (db: string) =>
  cli(
    ['--db', db, '--as', 'Dan Hughes', 'rounds', 'create', '--fund', 'F', '--name', 'New', '--budget', '£1k'],
    AS_LEAD,
  );

describe('a database from a newer Tranche', () => {
  it('opens read-only with one line naming the newer version, and is never written', async () => {
    const db = await demoDatabase();
    const raw = new Database(db);
    raw
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-2030', 1_900_000_000_000);
    raw.close();
    const before = bytesOf(db);
    const known = knownSchemaVersion(MIGRATIONS_FOLDER);
    const listed = await cli(['--db', db, 'rounds', 'list', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).not.toHaveLength(0);
    expect(listed.stderr).toBe(
      `tranche: The database ${db} was written by a newer Tranche (schema version ${known + 1}; this ` +
        `Tranche knows up to ${known}), so it is open read-only and will not be changed: update Tranche to work on it`,
    );
    const refused = await createRound(db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`schema version ${known + 1}`);
    expect(bytesOf(db)).toBe(before);
  });
});

describe('a database on a read-only disk', () => {
  it('opens read-only and says so: rounds list and verify work, a write is refused', async (context) => {
    const mounted = mountTmpfs(context, '64m');
    try {
      const source = await demoDatabase();
      const db = path.join(mounted.dir, 'tranche.db');
      copyFileSync(source, db);
      execFileSync('mount', ['-o', 'remount,ro', mounted.dir]);
      const before = bytesOf(db);
      const listed = await cli(['--db', db, 'rounds', 'list']);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toContain('Invest to Save');
      expect(listed.stderr).toBe(
        `tranche: The database ${db} cannot be written (the disk it is on is mounted read-only), so ` +
          'Tranche has opened it read-only: it can be read and verified, but nothing can be changed',
      );
      const verified = await cli(['--db', db, 'verify']);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('The record verifies');
      const refused = await createRound(db);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('mounted read-only');
      expect(bytesOf(db)).toBe(before);
      expect(readdirSync(mounted.dir)).toEqual(['tranche.db']);
    } finally {
      mounted.unmount();
    }
  });
});

describe('a new database where nothing can be written', () => {
  it('is a refusal (exit 2) naming the read-only folder, not an unexpected failure', async (context) => {
    const mounted = mountTmpfs(context, '1m');
    try {
      execFileSync('mount', ['-o', 'remount,ro', mounted.dir]);
      for (const db of [
        path.join(mounted.dir, 'tranche.db'),
        path.join(mounted.dir, 'office', 'tranche.db'),
      ]) {
        const refused = await cli(['--db', db, 'rounds', 'list']);
        expect(refused.code, refused.stderr).toBe(2);
        expect(refused.stderr).toBe(
          `tranche: No database can be made at ${db}: the folder ${mounted.dir} is on a disk mounted ` +
            'read-only. Nothing was changed; name a database in a folder you can write to, with --db FILE or ' +
            'TRANCHE_DB',
        );
      }
      expect(readdirSync(mounted.dir)).toEqual([]);
    } finally {
      mounted.unmount();
    }
  });
});

describe('a full disk', () => {
  it('is a refusal (exit 2) naming the disk, with nothing half-written', async (context) => {
    const source = await demoDatabase();
    const made = await cli(
      [
        '--db',
        source,
        '--as',
        'Dan Hughes',
        'rounds',
        'create',
        '--fund',
        'F',
        '--name',
        'Full',
        '--budget',
        '£1m',
        '--json',
      ],
      AS_LEAD,
    );
    const roundId = String((JSON.parse(made.stdout) as { id: number }).id);
    // Room for the database and a little more: a large import cannot fit.
    const size = Math.ceil((statSync(source).size + 512 * 1024) / 4096) * 4096;
    const mounted = mountTmpfs(context, String(size));
    try {
      const db = path.join(mounted.dir, 'tranche.db');
      copyFileSync(source, db);
      const csv = path.join(tempDir(), 'many.csv');
      const rows = Array.from(
        { length: 4000 },
        (_, i) => `F${i},Walsall,${'A long project title '.repeat(8)}${i},£1000`,
      );
      writeFileSync(csv, ['Ref,Partnership,Project,Amount', ...rows].join('\n'));
      const run = await cli(
        ['--db', db, '--as', 'Dan Hughes', 'import', 'bids', csv, '--round', roundId],
        AS_LEAD,
      );
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toBe(
        `tranche: The disk holding ${mounted.dir} is full: nothing was changed. Free some space on it and try again`,
      );
      const check = new Database(db, { readonly: true });
      expect(check.prepare("SELECT count(*) FROM bids WHERE ref LIKE 'F%'").pluck().get()).toBe(0);
      check.close();
      const verified = await cli(['--db', db, 'verify']);
      expect(verified.code, verified.stderr).toBe(0);
    } finally {
      mounted.unmount();
    }
  });
});

/** Starts `backup --out` on a large database, and resolves once its temporary file is on disk. */
async function backupUnderWay(db: string, out: string) {
  const child = spawn(
    process.execPath,
    [path.resolve('build/scripts/tranche.mjs'), '--db', db, ...LEAD, 'backup', '--out', out],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...AS_LEAD } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const dir = path.dirname(out);
  for (let waited = 0; !readdirSync(dir).some((n) => n.endsWith('.partial')); waited += 5) {
    if (child.exitCode !== null || waited > 120_000) throw new Error(`no temporary file appeared: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { child, ended, stderr: () => stderr };
}

describe('a backup stopped part-way', () => {
  it('writes to a temporary name and leaves nothing behind', async () => {
    const db = await demoDatabase();
    // Bulk that takes a while to copy, in a table of its own.
    const raw = new Database(db);
    raw.exec('CREATE TABLE bulk (data BLOB)');
    const insert = raw.prepare('INSERT INTO bulk VALUES (randomblob(1048576))');
    raw.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run();
    })();
    raw.close();
    // The first run brings the command line's bundle up to date.
    expect((await tranche(['--db', db, 'rounds', 'list'])).code).toBe(0);
    const dir = tempDir();
    const out = path.join(dir, 'copy.db');

    const stopped = await backupUnderWay(db, out);
    stopped.child.kill('SIGTERM');
    expect(await stopped.ended).toBe(143);
    expect(stopped.stderr()).toContain('nothing was left behind');
    expect(readdirSync(dir)).toEqual([]);

    // Killed outright, it cannot clean up; the database's next open removes what it left.
    const killed = await backupUnderWay(db, out);
    killed.child.kill('SIGKILL');
    await killed.ended;
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    const opened = await tranche(['--db', db, 'rounds', 'list']);
    expect(opened.code, opened.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    const again = await tranche(['--db', db, ...LEAD, 'backup', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['copy.db']);
    expect(existsSync(out)).toBe(true);
  }, 300_000);
});
