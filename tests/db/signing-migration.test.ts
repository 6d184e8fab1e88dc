import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { verifyDatabase } from '../../db/audit/verify';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { must, signedRound } from '../audit/signed-round';
import { actingAs, migrationsUpTo, TEST_KDF } from '../support/temp-db';

// A database from before audit entries were signed: its signed round, people and chain are kept,
// the old entries and the roles granted in them are listed as notes, and every write from then on
// is signed.

/** How many migrations came before the one that signs audit entries. */
function migrationsBeforeSigning(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_signed_audit_office_identity'));
  expect(index).toBeGreaterThan(0);
  return index;
}

/**
 * Columns a later migration adds to people (approvals, 0017), which today's code reads: the old
 * database is filled with them in place, all empty, then they are taken out again before migrating.
 */
const LATER_PEOPLE_COLUMNS = ['pending_since', 'role_before'];

describe('the migration that signs audit entries', () => {
  it('keeps an older office database verifying, with its unsigned entries and grants as notes', async () => {
    const old = await signedRound(migrationsUpTo(migrationsBeforeSigning()), (sqlite) =>
      sqlite.exec(LATER_PEOPLE_COLUMNS.map((c) => `ALTER TABLE people ADD ${c} text`).join(';')),
    );
    const entriesBefore = old.connection.sqlite.prepare('SELECT count(*) FROM audit_entries').pluck().get();
    const noticeBefore = old.connection.sqlite.prepare('SELECT content, signature FROM notices').get();
    old.connection.sqlite.exec(LATER_PEOPLE_COLUMNS.map((c) => `ALTER TABLE people DROP ${c}`).join(';'));
    old.connection.close();

    const connection = openDatabase(old.file, { migrationsFolder: MIGRATIONS_FOLDER });
    const office = connection.sqlite.prepare('SELECT id, signed_from FROM office_identity').all() as {
      id: string;
      signed_from: number;
    }[];
    expect(office).toHaveLength(1);
    expect(office[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(office[0]!.signed_from).toBe(Number(entriesBefore) + 1);
    expect(connection.sqlite.prepare('SELECT content, signature FROM notices').get()).toEqual(noticeBefore);

    const report = verifyDatabase(connection);
    expect(report.problems).toEqual([]);
    expect(report.notes[0]).toMatch(
      new RegExp(
        `^${String(entriesBefore)} audit entries \\(up to entry ${String(entriesBefore)}\\) were written before`,
      ),
    );
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^Pat Morgan was made commissioner in audit entry \d+/),
    );
    expect(report.notes).toContainEqual(expect.stringMatching(/^Dan Hughes was made lead officer/));

    // From now on every write is signed by whoever made it.
    const ctx = createContext(createStore(connection), '0.0.0-test', old.ctx.now, { kdf: TEST_KDF });
    must(await dispatch('notices:supersede', { roundId: 1 }, actingAs(ctx, 'Dan Hughes')));
    const last = connection.sqlite
      .prepare('SELECT person_name, key_fingerprint, signature FROM audit_entries ORDER BY seq DESC LIMIT 1')
      .get() as { person_name: string; key_fingerprint: string; signature: string | null };
    expect(last).toMatchObject({
      person_name: 'Dan Hughes',
      key_fingerprint: expect.stringMatching(/^[0-9A-F ]+$/),
    });
    expect(last.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyDatabase(connection).problems).toEqual([]);
    connection.close();
  });
});
