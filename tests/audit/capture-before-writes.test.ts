import { copyFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AuditOperation } from '../../db/audit/chain';
import { sealPending } from '../../db/audit/recorder';
import { verifyDatabase } from '../../db/audit/verify';
import type { Connection } from '../../db/connection';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { tempDbFile, testContext } from '../support/temp-db';
import { must, tamper } from './signed-round';

// The capture triggers that note every row Tranche changes go onto a connection just before its
// first write (db/audit/capture-before-writes.ts), not when it opens: a read never installs them,
// and a write by every way there is to write still lands on the record. Without them a write would
// go unnoted, and verify would find its row differing from the chain.

const round = {
  fund: 'Invest to Save',
  name: '2013-14 tranche 2',
  budgetPence: 35_000_000,
  commitments: [],
};

const captureTriggers = (connection: Connection) =>
  connection.sqlite.prepare("SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger'").pluck().get();

const recordedAs = (operation: string): AuditOperation => ({
  operation,
  at: new Date().toISOString(),
  personId: null,
  personName: null,
  keyFingerprint: null,
  input: null,
  summary: operation,
  rounds: [],
});

/** A database with its chain begun and one round, closed: each case opens a copy of it afresh. */
async function existingDatabase(): Promise<string> {
  const { ctx, connection, file } = testContext();
  must(await dispatch('rounds:create', round, ctx));
  connection.close();
  return file;
}

function reopened(file: string) {
  const copy = tempDbFile();
  copyFileSync(file, copy);
  return testContext(copy);
}

const rename = "UPDATE rounds SET name = 'Renamed by hand' WHERE id = 1";

const writes: [string, (ctx: HandlerContext, connection: Connection) => unknown][] = [
  [
    'a write channel through dispatch',
    async (ctx) => must(await dispatch('rounds:create', { ...round, name: 'R2' }, ctx)),
  ],
  ['a named query outside any transaction', (ctx) => ctx.store.people.setSetting('note', 'outside')],
  [
    'the store transaction',
    (ctx) => ctx.store.transaction(() => ctx.store.people.setSetting('note', 'inside')),
  ],
  ['a statement prepared on the raw connection', (ctx) => ctx.store.sqlite.prepare(rename).run()],
  ['exec on the raw connection', (ctx) => ctx.store.sqlite.exec(rename)],
  [
    'a better-sqlite3 transaction',
    (ctx) => ctx.store.sqlite.transaction(() => ctx.store.sqlite.prepare(rename).run()).immediate(),
  ],
  ['a drizzle transaction', (_ctx, connection) => connection.db.transaction((tx) => tx.run(sql.raw(rename)))],
];

describe('the capture triggers, installed before the first write', () => {
  it('are not installed by reads', async () => {
    const { ctx, connection } = reopened(await existingDatabase());
    must(await dispatch('rounds:list', {}, ctx));
    must(await dispatch('rounds:get', { id: 1 }, ctx));
    ctx.store.people.setting('profile');
    expect(captureTriggers(connection)).toBe(0);
    expect(verifyDatabase(connection).problems).toEqual([]);
    connection.close();
  });

  it.each(writes)('record %s', async (_name, write) => {
    const { ctx, connection } = reopened(await existingDatabase());
    expect(captureTriggers(connection)).toBe(0);
    await write(ctx, connection);
    expect(captureTriggers(connection)).toBeGreaterThan(0);
    // What dispatch does after any write: seal what the triggers noted outside a transaction.
    ctx.store.sqlite
      .transaction(() => sealPending(ctx.store.sqlite, () => recordedAs('test:write')))
      .immediate();
    expect(verifyDatabase(connection).problems).toEqual([]);
    connection.close();
  });

  it('are installed for a write made after a read', async () => {
    const { ctx, connection } = reopened(await existingDatabase());
    must(await dispatch('rounds:list', {}, ctx));
    ctx.store.sqlite.exec(rename);
    ctx.store.sqlite
      .transaction(() => sealPending(ctx.store.sqlite, () => recordedAs('test:write')))
      .immediate();
    expect(verifyDatabase(connection).problems).toEqual([]);
    connection.close();
  });

  it('refuses a write inside a transaction begun by a raw BEGIN before they are there', async () => {
    const { ctx, connection } = reopened(await existingDatabase());
    const sqlite = ctx.store.sqlite;
    sqlite.prepare('BEGIN').run();
    expect(() => sqlite.prepare(rename).run()).toThrow(/before a transaction begins/);
    sqlite.prepare('ROLLBACK').run();
    expect(sqlite.prepare('SELECT name FROM rounds WHERE id = 1').pluck().get()).toBe(round.name);
    connection.close();
  });

  it('leave a write unnoted where they are missing, which verify finds (the checks above rely on it)', async () => {
    const { connection, file } = reopened(await existingDatabase());
    tamper(file, rename);
    expect(verifyDatabase(connection).problems.length).toBeGreaterThan(0);
    connection.close();
  });
});
