import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { migrationCount, migrationsUpTo, tempDbFile } from '../support/temp-db';

describe('database', () => {
  it('is created and migrated on first open, with WAL and foreign keys on', () => {
    const file = tempDbFile();
    const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const raw = new Database(file);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['funds', 'rounds']));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.schemaVersion()).toBe(String(migrationCount()));
    raw.close();
    connection.close();
  });

  it('keeps its rows when reopened and migrated again', () => {
    const file = tempDbFile();
    const first = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(first);
    const fundId = store.funds.findOrCreate('Invest to Save', '2026-01-01T00:00:00.000Z');
    store.rounds.insert({ fundId, name: '2013-14 tranche 2', budgetPence: 35_000_000, committedPence: 3_000_000 }, '2026-01-01T00:00:00.000Z');
    first.close();

    const second = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const rounds = createStore(second).rounds.list(true);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ fund: 'Invest to Save', budgetPence: 35_000_000, availablePence: 32_000_000 });
    second.close();
  });

  it('brings a database populated at every earlier schema version to the current one without losing rows', () => {
    for (let version = 1; version < migrationCount(); version++) {
      const file = tempDbFile();
      const old = openDatabase(file, { migrationsFolder: migrationsUpTo(version) });
      const store = createStore(old);
      const fundId = store.funds.findOrCreate('Safer Streets', '2026-01-01T00:00:00.000Z');
      store.rounds.insert({ fundId, name: 'Round 4', budgetPence: 105_131_200, committedPence: 0 }, '2026-01-01T00:00:00.000Z');
      old.close();
      const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
      expect(createStore(current).rounds.list(true).map((r) => r.name)).toEqual(['Round 4']);
      current.close();
    }
  });

  it('refuses money that breaks the rules even when a query bypasses the handlers', () => {
    const connection = openDatabase(tempDbFile(), { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(connection);
    const fundId = store.funds.findOrCreate('Invest to Save', '2026-01-01T00:00:00.000Z');
    const values = { fundId, name: 'Bad', budgetPence: 100, committedPence: 200 };
    expect(() => store.rounds.insert(values, '2026-01-01T00:00:00.000Z')).toThrow(/CHECK constraint failed/);
    expect(() => store.rounds.insert({ ...values, budgetPence: -1, committedPence: 0 }, '2026-01-01T00:00:00.000Z')).toThrow(/CHECK constraint failed/);
    expect(() => store.rounds.insert({ ...values, fundId: 999, committedPence: 0 }, '2026-01-01T00:00:00.000Z')).toThrow(/FOREIGN KEY/);
    connection.close();
  });

  it('rolls a transaction back whole when any write in it fails', () => {
    const connection = openDatabase(tempDbFile(), { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(connection);
    expect(() =>
      store.transaction(() => {
        store.funds.findOrCreate('Orphan fund', '2026-01-01T00:00:00.000Z');
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(store.funds.list()).toEqual([]);
    connection.close();
  });
});
