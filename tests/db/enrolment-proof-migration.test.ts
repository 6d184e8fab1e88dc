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

// The migration after which enrolment codes keep the public half of a key made from the code, not
// a hash of it: an office database from before it keeps verifying, and people enrol as before.

function migrationsBeforeProofs(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag.endsWith('_enrolment_proofs'));
  expect(index).toBeGreaterThan(0);
  return index;
}

describe('the migration that makes enrolments carry a proof', () => {
  it('keeps a signed office database verifying, and a person added after it enrols with a proof', async () => {
    const old = await signedRound(migrationsUpTo(migrationsBeforeProofs()));
    const columns = () =>
      (old.connection.sqlite.prepare('PRAGMA table_info(enrolment_codes)').all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns()).toContain('code_hash');
    old.connection.close();

    const connection = openDatabase(old.file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(verifyDatabase(connection).problems).toEqual([]);
    const ctx = createContext(createStore(connection), 'test', () => '2026-11-22T10:00:00.000Z', {
      kdf: TEST_KDF,
    });
    const lead = actingAs(ctx, 'Dan Hughes');
    const ann = must(await dispatch('people:add', { name: 'Ann Able', role: 'policy_officer' }, lead));
    must(
      await dispatch(
        'people:enrol',
        { personId: ann.id, enrolmentCode: ann.enrolmentCode!, passphrase: 'ann chose these words alone' },
        createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF }),
      ),
    );
    const kept = connection.sqlite
      .prepare('SELECT code_public_key, proof FROM enrolment_codes WHERE person_id = ?')
      .get(ann.id) as { code_public_key: string; proof: string };
    expect(kept.code_public_key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(kept.proof).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyDatabase(connection).problems).toEqual([]);
    connection.close();
  });
});
