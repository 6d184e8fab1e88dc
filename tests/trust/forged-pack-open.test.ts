import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEntry, type RowChange } from '../../db/audit/chain';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { canonicalJson } from '../../shared/canonical-json';
import type { Role } from '../../shared/people';
import { dispatch } from '../../electron/handlers/dispatch';
import { must, signedRound } from '../audit/signed-round';
import { cli, keyOf } from '../support/pack-cli';
import { addPerson } from '../support/people';
import { actingAs, TEST_PASSPHRASE, testContext } from '../support/temp-db';

// Issue 17: a laptop's copy takes the office's people as the pack names them, so opening a pack may
// add a commissioner or lead officer there without the commissioner's approval. In the office's own
// database that must not hold. Dan Hughes, a lead officer, with the sqlite3 shell, Tranche's source
// and his own key, adds a new person as commissioner (or lead officer) and records it in an entry
// he signs, labelled as opening a pack; with a pack he then makes for them, they would have a
// pinned key that signs decisions.

async function office() {
  const { connection, file } = await signedRound();
  connection.close();
  return file;
}

function forgePackOpen(file: string, role: Role) {
  const danKey = keyOf(file, 'Dan Hughes', TEST_PASSPHRASE);
  const raw = new Database(file);
  try {
    raw.transaction(() => {
      const dan = raw
        .prepare(
          `SELECT p.id, k.fingerprint FROM people p JOIN person_keys k ON k.person_id = p.id
            WHERE p.name = 'Dan Hughes'`,
        )
        .get() as { id: number; fingerprint: string };
      const at = new Date().toISOString();
      const id = raw
        .prepare("INSERT INTO people (name, role, created_at) VALUES ('Mallory Moss', ?, ?) RETURNING id")
        .pluck()
        .get(role, at) as number;
      const people = auditedTables(raw).find((t) => t.name === 'people')!;
      const key = canonicalJson({ id });
      const changes: RowChange[] = [
        { table: 'people', key, op: 'insert', image: rowReader(raw, people).image(key) },
      ];
      appendEntry(
        raw,
        {
          operation: 'packs:open',
          at,
          personId: dan.id,
          personName: 'Dan Hughes',
          keyFingerprint: dan.fingerprint,
          input: {},
          summary: 'Opened a pack from the office',
          rounds: [],
          signer: { privateKey: danKey, fingerprint: dan.fingerprint },
        },
        changes,
      );
    })();
  } finally {
    raw.close();
  }
}

async function verify(file: string) {
  const out = await cli(['--db', file, 'verify', '--json']);
  return { code: out.code, ...(JSON.parse(out.stdout) as { problems: string[] }) };
}

describe("a lead officer with the sqlite3 shell and their own key, in the office's database", () => {
  for (const [role, label] of [
    ['commissioner', 'commissioner'],
    ['lead_officer', 'lead officer'],
  ] as const)
    it(`cannot add a ${label} in an entry made to look like opening a pack`, async () => {
      const file = await office();
      expect((await verify(file)).code).toBe(0);
      forgePackOpen(file, role);
      const verified = await verify(file);
      expect(verified.code).toBe(2);
      expect(verified.problems).toEqual([
        expect.stringMatching(
          new RegExp(
            String.raw`^Audit entry \d+ \(packs:open, [^)]*\) makes Mallory Moss ${label} ` +
              "without the sitting commissioner's signed approval$",
          ),
        ),
      ]);
    });
});

describe("a laptop's copy", () => {
  it('still takes a lead officer the office added since, as its next pack names them, and verifies', async () => {
    const { ctx } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    ctx.store.rounds.setStage(1, 'assessment', ctx.now());
    const lead = actingAs(ctx, 'Dan Hughes');
    must(await dispatch('people:add', { name: 'Eve Ward', role: 'policy_officer' }, lead));
    must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
    const packFor = async () =>
      must(await dispatch('packs:make', { kind: 'assessor', roundId: 1, personName: 'Eve Ward' }, lead));
    const first = await packFor();
    const laptop = testContext();
    must(
      await dispatch(
        'packs:open',
        {
          bytesBase64: first.bytesBase64,
          enrolmentCode: first.enrolmentCode ?? '',
          newPassphrase: 'eve on the train',
        },
        laptop.ctx,
      ),
    );
    // Tim Temporary becomes a lead officer, approved by Pat, and chooses his passphrase.
    must(await addPerson({ name: 'Tim Temporary', role: 'lead_officer' }, lead));
    must(await dispatch('packs:open', { bytesBase64: (await packFor()).bytesBase64 }, laptop.ctx));
    expect(laptop.ctx.store.people.findByName('Tim Temporary')).toMatchObject({ role: 'lead_officer' });
    laptop.connection.close();
    const verified = await verify(laptop.file);
    expect(verified).toMatchObject({ code: 0, problems: [] });
  });
});
