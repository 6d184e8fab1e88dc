import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { cli as packCli } from '../support/pack-cli';
import { signedRound } from '../audit/signed-round';
import { damageIndex } from '../support/damaged-file';
import { TEST_PASSPHRASE, migrationCount, migrationsUpTo } from '../support/temp-db';

// On the command line a large file's integrity_check runs on a thread of its own while the command
// works (db/integrity-alongside.ts). The check must still decide before anything is written: a
// damaged file refuses every write, by dispatch or by any other path, and says what it found, as a
// file opened read-only after a check at open does. Here every file counts as large.

/** The command line, counting every file as large enough to check alongside. */
const cli = (args: string[]) =>
  packCli(args, { TRANCHE_PASSPHRASE: TEST_PASSPHRASE }, { checkAlongsideFromBytes: 0 });

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function damagedRound() {
  const { connection, file } = await signedRound();
  connection.close();
  damageIndex(file, 'plans_title_unique', 'police and crime plan');
  return file;
}

describe('the integrity check alongside a command', () => {
  it('lets a sound file be written, recorded and verified', async () => {
    const { connection, file } = await signedRound();
    connection.close();
    const archived = await cli(['--db', file, '--as', 'Dan Hughes', 'rounds', 'archive', '--round', '1']);
    expect(archived, archived.stderr).toMatchObject({ code: 0, stderr: '' });
    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });

  it('refuses a write to a damaged file, changing nothing, and says what it found after a read', async () => {
    const file = await damagedRound();
    const before = digest(file);
    const write = await cli(['--db', file, '--as', 'Dan Hughes', 'rounds', 'archive', '--round', '1']);
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(
      /^tranche: The database .* is damaged and is open read-only: nothing can be changed/,
    );
    expect(digest(file)).toBe(before);

    const read = await cli(['--db', file, 'rounds', 'list', '--json']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toHaveLength(2);
    expect(read.stderr).toContain('is damaged and is open read-only');

    const verified = await cli(['--db', file, 'verify', '--json']);
    expect(verified.code).toBe(2);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^integrity_check: .*plans_title_unique/)],
    });
    expect(digest(file)).toBe(before);
  });

  it('holds a write by any path, not only dispatch, until the check and refuses it on a damaged file', async () => {
    const file = await damagedRound();
    const before = digest(file);
    const connection = openDatabase(file, {
      migrationsFolder: MIGRATIONS_FOLDER,
      checkAlongsideFromBytes: 0,
    });
    expect(connection.health.checkedAlongside).toBe(true);
    // Reading is not held.
    expect(connection.sqlite.prepare('SELECT count(*) FROM rounds').pluck().get()).toBe(2);
    expect(() => connection.sqlite.prepare("UPDATE rounds SET name = 'Changed'").run()).toThrow(
      /is damaged and is open read-only/,
    );
    expect(() => connection.sqlite.exec("UPDATE rounds SET name = 'Changed'")).toThrow(/is damaged/);
    expect(() => connection.sqlite.transaction(() => undefined)()).toThrow(/is damaged/);
    expect(connection.health.readOnly).toBe(true);
    expect(connection.health.goodBackup).toMatch(/-signing\.db$/);
    expect(connection.health.damage[0]).toMatch(/^integrity_check: .*plans_title_unique/);
    connection.close();
    expect(digest(file)).toBe(before);
  });

  it('finishes the check before migrating a file, and migrates nothing damaged', async () => {
    const { connection: older, file } = await signedRound(migrationsUpTo(migrationCount() - 1));
    older.close();
    damageIndex(file, 'plans_title_unique', 'police and crime plan');
    const before = digest(file);
    const connection = openDatabase(file, {
      migrationsFolder: MIGRATIONS_FOLDER,
      checkAlongsideFromBytes: 0,
    });
    expect(connection.health.checkedAlongside).toBeUndefined();
    expect(connection.health.readOnly).toBe(true);
    expect(connection.health.damage[0]).toMatch(/plans_title_unique/);
    connection.close();
    expect(listBackups(file).map((b) => b.reason)).not.toContain('migration');
    expect(digest(file)).toBe(before);
  });
});
