import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { dispatch } from '../../electron/handlers/dispatch';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { enrolmentProof } from '../../electron/identity/enrolment-code';
import { createIdentity, keyFingerprint, rawPublicKey } from '../../electron/identity/keys';
import { canonicalJson } from '../../shared/canonical-json';
import { must, signedRound } from '../audit/signed-round';
import { cli } from '../support/pack-cli';
import { TEST_KDF } from '../support/temp-db';
import { rechain } from './rechain';

// Issue 17: a person's first key comes only from their own enrolment, with the one-time code a
// lead officer gave them. An insider with the sqlite3 shell and a copy of the database, but not the
// code, tries to give a commissioner waiting for approval a key of their own, so that once the
// commissioner approves the grant the insider signs as the new commissioner.

const nobody = (ctx: HandlerContext) => createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF });

/** The demonstration round signed, and Sam Signer added as commissioner (waiting, not enrolled). */
async function pendingCommissioner() {
  const round = await signedRound();
  const sam = must(await dispatch('people:add', { name: 'Sam Signer', role: 'commissioner' }, round.lead));
  return { ...round, sam };
}

/**
 * What the insider writes: a key of their own for the person, their code marked used, and an
 * unsigned `people:enrol` entry recording both, with the chain linked again. `codeKey` also puts a
 * code key of the insider's making in the code's row, and a proof made with it.
 */
function forgeEnrolment(file: string, personId: number, options: { codeKey?: boolean } = {}) {
  const mine = createIdentity('the insider chose these words alone', TEST_KDF);
  rechain(file, (raw) => {
    const last = raw.prepare('SELECT seq, at FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      at: string;
    };
    raw
      .prepare(
        `INSERT INTO person_keys (person_id, public_key, fingerprint, sealed_private_key, salt, nonce, kdf,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        personId,
        mine.publicKey,
        keyFingerprint(mine.publicKey),
        mine.sealedPrivateKey,
        mine.salt,
        mine.nonce,
        JSON.stringify(mine.kdf),
        last.at,
        last.at,
      );
    raw.prepare('UPDATE enrolment_codes SET used_at = ? WHERE person_id = ?').run(last.at, personId);
    if (options.codeKey) {
      const own = generateKeyPairSync('ed25519');
      raw
        .prepare('UPDATE enrolment_codes SET code_public_key = ?, proof = ? WHERE person_id = ?')
        .run(
          rawPublicKey(own.publicKey).toString('base64'),
          enrolmentProof(own.privateKey, personId, mine.publicKey),
          personId,
        );
    }
    appendUnsigned(raw, last, 'people:enrol', [
      ['person_keys', personId, 'insert'],
      ['enrolment_codes', personId, 'update'],
    ]);
  });
}

/** An entry naming nobody, recording the rows as they now stand; rechain links it. */
function appendUnsigned(
  raw: Database.Database,
  last: { seq: number; at: string },
  operation: string,
  rows: [table: string, personId: number, op: string][],
) {
  const seq = last.seq + 1;
  raw
    .prepare(
      `INSERT INTO audit_entries (seq, at, person_id, person_name, key_fingerprint, operation, rounds,
         summary, input, changes_hash, prev_hash, hash)
       VALUES (?, ?, NULL, NULL, NULL, ?, '', 'Sam Signer chose their own passphrase', 'null', '', '', '')`,
    )
    .run(seq, last.at, operation);
  rows.forEach(([table, personId, op], position) => {
    const key = canonicalJson({ person_id: personId });
    const image = rowReader(
      raw,
      auditedTables(raw).find((t) => t.name === table)!,
    ).image(key);
    raw
      .prepare('INSERT INTO audit_changes VALUES (?, ?, ?, ?, ?, ?)')
      .run(seq, position, table, key, op, image);
  });
}

async function verify(file: string) {
  const out = await cli(['--db', file, 'verify', '--json']);
  return { code: out.code, ...(JSON.parse(out.stdout) as { problems: string[]; notes: string[] }) };
}

describe('an insider with a copy of the database but not the enrolment code', () => {
  it("cannot give a commissioner waiting for approval a key of their own: verify finds no code's proof", async () => {
    const { connection, file, sam } = await pendingCommissioner();
    connection.close();
    forgeEnrolment(file, sam.id);
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toEqual([
      expect.stringMatching(
        /^Audit entry \d+ \(people:enrol, .*\) gives Sam Signer a key without the proof their enrolment code makes/,
      ),
    ]);
  });

  it('cannot make the proof with a code key of their own put in the code’s row', async () => {
    const { connection, file, sam } = await pendingCommissioner();
    connection.close();
    forgeEnrolment(file, sam.id, { codeKey: true });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toContainEqual(
      expect.stringMatching(/gives Sam Signer a key without the proof their enrolment code makes/),
    );
  });

  it('finds nothing wrong when Sam enrols with the code, and the office keeps no way to make the proof', async () => {
    const { ctx, connection, file, sam, as } = await pendingCommissioner();
    must(
      await dispatch(
        'people:enrol',
        { personId: sam.id, enrolmentCode: sam.enrolmentCode!, passphrase: 'sam chose these words alone' },
        nobody(ctx),
      ),
    );
    must(await dispatch('people:approve', { personId: sam.id }, as('Pat Morgan')));
    const kept = connection.sqlite.prepare('SELECT * FROM enrolment_codes WHERE person_id = ?').get(sam.id);
    // The public half of the code's key, its salt and parameters, and the proof: no hash to sign with.
    expect(Object.keys(kept as object).sort()).toEqual(
      ['code_public_key', 'issued_at', 'kdf', 'person_id', 'proof', 'salt', 'used_at'].sort(),
    );
    connection.close();
    const verified = await verify(file);
    expect(verified.problems).toEqual([]);
    expect(verified.code).toBe(0);
  });

  it('finds a code given before codes made proofs no longer works: the person is given a new one', async () => {
    const { ctx, connection, sam, lead } = await pendingCommissioner();
    // As the migration leaves a code issued before it: no public key to check a code or proof with.
    connection.sqlite
      .prepare('UPDATE enrolment_codes SET code_public_key = NULL WHERE person_id = ?')
      .run(sam.id);
    const enrol = (enrolmentCode: string) =>
      dispatch(
        'people:enrol',
        { personId: sam.id, enrolmentCode, passphrase: 'sam chose these words alone' },
        nobody(ctx),
      );
    expect(await enrol(sam.enrolmentCode!)).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(
          /given before codes could prove an enrolment .*people code --name "Sam Signer"/,
        ),
      },
    });
    expect(ctx.store.identities.get(sam.id)).toBeUndefined();
    const fresh = must(await dispatch('people:newCode', { personId: sam.id }, lead));
    expect(await enrol(fresh.enrolmentCode!)).toMatchObject({ ok: true });
  });
});
