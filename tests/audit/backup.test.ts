import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../db/audit/verify';
import { backupFolder, KEEP_BACKUPS, listBackups, makeBackup } from '../../db/backup';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { runCli } from '../../electron/cli/run';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import {
  TEST_KDF,
  TEST_PASSPHRASE,
  migrationCount,
  migrationsUpTo,
  tempDbFile,
  tempDir,
  unlockAs,
} from '../support/temp-db';
import { damageIndex } from '../support/damaged-file';
import { signedRound, tamper } from './signed-round';

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

/** Backup and restore are a lead officer's. */
const asLead = (file: string, ...args: string[]) =>
  cli(['--db', file, '--as', 'Dan Hughes', ...args], { TRANCHE_PASSPHRASE: TEST_PASSPHRASE });

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups and restore', () => {
  it('backs up before migrating an existing file, then starts the chain on it', () => {
    const file = tempDbFile();
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(migrationCount() - 1) });
    const store = createStore(old);
    store.funds.findOrCreate('Invest to Save', '2026-01-01T00:00:00.000Z');
    old.close();
    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['migration']);
    expect(current.health.notes[0]).toMatch(/^Backed up to .*-migration\.db before migrating/);
    expect(verifyDatabase(current).problems).toEqual([]);
    const first = current.sqlite.prepare('SELECT operation, summary FROM audit_entries WHERE seq = 1').get();
    expect(first).toMatchObject({ operation: 'audit:begin' });
    current.close();
  });

  it('backs up at every signing, and keeps the last 14 others plus every signing', async () => {
    const { file, connection } = await signedRound();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['signing']);
    for (let day = 1; day <= KEEP_BACKUPS + 3; day++)
      makeBackup(connection.sqlite, file, 'daily', new Date(Date.UTC(2027, 0, day)));
    const kept = listBackups(file);
    expect(kept.filter((b) => b.reason === 'daily')).toHaveLength(KEEP_BACKUPS);
    expect(kept.filter((b) => b.reason === 'signing')).toHaveLength(1);
    expect(path.basename(kept[0]?.file ?? '')).toBe('tranche-20270117T000000000Z-daily.db');
    connection.close();
  });

  it("removes, at the next open, the temporary file of a backup killed outright, and nobody else's", () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER }).close();
    // What a backup into another folder leaves when killed outright: its temporary file there, and
    // the note in the database's backups folder naming it. The process that made them has ended.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const elsewhere = tempDir();
    const partial = path.join(elsewhere, `.copy.db.tranche-${dead}.partial`);
    writeFileSync(partial, 'half a database');
    writeFileSync(`${partial}-journal`, 'its journal');
    mkdirSync(backupFolder(file), { recursive: true });
    writeFileSync(
      path.join(backupFolder(file), `.copy-under-way.${dead}.json`),
      JSON.stringify({ partial, pid: dead }),
    );
    // Files that are not Tranche's own temporary files stay, whatever a note says of them.
    const yours = [path.join(elsewhere, `.notes.${dead}.partial`), path.join(elsewhere, 'copy.db')];
    for (const other of yours) writeFileSync(other, 'somebody else’s');
    const alsoDead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(
      path.join(backupFolder(file), `.copy-under-way.${alsoDead}.json`),
      JSON.stringify({ partial: yours[1], pid: alsoDead }),
    );
    // A backup still under way (this process) is left to finish.
    const running = path.join(elsewhere, `.copy.db.tranche-${process.pid}.partial`);
    writeFileSync(running, 'being written');
    writeFileSync(
      path.join(backupFolder(file), `.copy-under-way.${process.pid}.json`),
      JSON.stringify({ partial: running, pid: process.pid }),
    );

    const opened = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(opened.health.notes).toContain(
      `Removed ${partial}, the temporary file of a backup that was stopped before it finished`,
    );
    opened.close();
    expect(readdirSync(elsewhere).sort()).toEqual(
      [path.basename(running), '.notes.' + dead + '.partial', 'copy.db'].sort(),
    );
    expect(readdirSync(backupFolder(file))).toEqual([`.copy-under-way.${process.pid}.json`]);
  });

  it('removes what a killed backup left at the next backup, wherever that one writes', () => {
    const file = tempDbFile();
    const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const elsewhere = tempDir();
    const partial = path.join(elsewhere, `.copy.db.tranche-${dead}.partial`);
    writeFileSync(partial, 'half a database');
    mkdirSync(backupFolder(file), { recursive: true });
    writeFileSync(
      path.join(backupFolder(file), `.copy-under-way.${dead}.json`),
      JSON.stringify({ partial, pid: dead }),
    );
    const made = makeBackup(connection.sqlite, file, 'manual');
    connection.close();
    expect(readdirSync(elsewhere)).toEqual([]);
    // The backup made leaves no note of its own behind.
    expect(readdirSync(backupFolder(file))).toEqual([path.basename(made)]);
  });

  it('restores a good backup from the command line, keeping the file it replaces', async () => {
    const { file, connection, lead } = await signedRound();
    const backup = path.join(path.dirname(file), 'good.db');
    const asAsha = ['--as', 'Asha Patel', 'backup', '--out', backup];
    expect(await cli(['--db', file, ...asAsha], { TRANCHE_PASSPHRASE: TEST_PASSPHRASE })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'Only a lead officer can back up the database; Asha Patel is a policy officer',
      ),
    });
    expect(await cli(['--db', file, 'backup', '--out', backup])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Only a lead officer can back up the database: give --as NAME'),
    });
    expect(existsSync(backup)).toBe(false);
    expect((await asLead(file, 'backup', '--out', backup)).code).toBe(0);
    await dispatch('notices:supersede', { roundId: 1 }, lead);
    connection.close();
    expect(await cli(['--db', file, 'restore', backup])).toMatchObject({ code: 2 });
    const result = await asLead(file, 'restore', backup, '--json');
    expect(result.code, result.stderr).toBe(0);
    const { replaced } = JSON.parse(result.stdout) as { replaced: string };
    expect(existsSync(replaced)).toBe(true);
    const reopened = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(verifyDatabase(reopened).problems).toEqual([]);
    expect(reopened.sqlite.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(1);
    // The restore is on the record it put back, signed by the lead officer who did it.
    const last = reopened.sqlite
      .prepare('SELECT operation, person_name, signature FROM audit_entries ORDER BY seq DESC LIMIT 1')
      .get();
    expect(last).toMatchObject({
      operation: 'db:restore',
      person_name: 'Dan Hughes',
      signature: expect.any(String),
    });
    reopened.close();
  });

  it('refuses to restore a tampered or a damaged backup, and replaces nothing', async () => {
    const { file, connection } = await signedRound();
    const tampered = path.join(path.dirname(file), 'tampered.db');
    const damaged = path.join(path.dirname(file), 'damaged.db');
    expect((await asLead(file, 'backup', '--out', tampered)).code).toBe(0);
    expect((await asLead(file, 'backup', '--out', damaged)).code).toBe(0);
    connection.close();
    tamper(tampered, 'UPDATE allocation_items SET amount_pence = 1');
    damageIndex(damaged, 'people_name_unique', 'dan hughes');
    const before = digest(file);

    const refusedTampered = await asLead(file, 'restore', tampered);
    expect(refusedTampered.code).toBe(2);
    expect(refusedTampered.stderr).toMatch(
      /was not restored: allocation_items row .* does not match audit entry/,
    );
    const refusedDamaged = await asLead(file, 'restore', damaged);
    expect(refusedDamaged.code).toBe(2);
    expect(refusedDamaged.stderr).toMatch(/was not restored: integrity_check: .*people_name_unique/);
    expect(digest(file)).toBe(before);
  });

  it('opens a damaged file read-only, refuses writes and names the newest good backup', async () => {
    const { file, connection, lead } = await signedRound();
    const good = makeBackup(connection.sqlite, file, 'daily');
    connection.close();
    damageIndex(file, 'plans_title_unique', 'police and crime plan');

    const damaged = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(damaged.health).toMatchObject({ readOnly: true, goodBackup: good });
    expect(damaged.health.damage[0]).toMatch(/^integrity_check: .*plans_title_unique/);
    const ctx = unlockAs(
      createContext(createStore(damaged), 'test', lead.now, { kdf: TEST_KDF }),
      'Dan Hughes',
    );
    const read = await dispatch('rounds:list', {}, ctx);
    expect(read.ok).toBe(true);
    const write = await dispatch('rounds:archive', { id: 1 }, ctx);
    expect(write).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!write.ok) expect(write.error.message).toContain(`The newest good backup is ${good}`);
    damaged.close();

    const verify = await cli(['--db', file, 'verify', '--json']);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`restore it with: tranche restore "${good}"`);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false });
    expect(backupFolder(file)).toBe(path.join(path.dirname(file), 'backups'));
  });
});
