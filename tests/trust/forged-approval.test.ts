import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEntry } from '../../db/audit/chain';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { dispatch } from '../../electron/handlers/dispatch';
import { signBytes } from '../../electron/identity/keys';
import { canonicalJson } from '../../shared/canonical-json';
import { must, signedRound } from '../audit/signed-round';
import { cli, keyOf } from '../support/pack-cli';
import { TEST_PASSPHRASE } from '../support/temp-db';

// Issue 17: only the sitting commissioner makes a commissioner or lead officer, by signing an
// approval with their key. Dan Hughes, a lead officer, grants himself the commissioner's role (it
// waits for Pat Morgan), then with the sqlite3 shell, Tranche's source and his own key (which his
// passphrase unlocks) writes the approval himself: his grant marked approved, an approval row
// naming Pat, and an entry he signs, as a change of role a lead officer may make.

/** Dan waiting to be commissioner, and Tim Temporary approved as lead officer by Pat. */
async function danWaiting() {
  const { connection, file, lead, as } = await signedRound();
  const tim = must(await dispatch('people:add', { name: 'Tim Temporary', role: 'lead_officer' }, lead));
  must(await dispatch('people:approve', { personId: tim.id }, as('Pat Morgan')));
  const dan = connection.sqlite
    .prepare("SELECT id FROM people WHERE name = 'Dan Hughes'")
    .pluck()
    .get() as number;
  must(await dispatch('people:setRole', { personId: dan, role: 'commissioner' }, lead));
  connection.close();
  return { file, dan };
}

interface Forged {
  /** The approval's signature: made with Dan's own key, or Pat's genuine one on Tim's approval. */
  signature: 'dan' | 'replayed';
}

function forgeApproval(file: string, dan: number, forged: Forged) {
  const danKey = keyOf(file, 'Dan Hughes', TEST_PASSPHRASE);
  const raw = new Database(file);
  try {
    raw.transaction(() => {
      const pat = raw
        .prepare(
          `SELECT p.id, p.name, k.fingerprint FROM people p JOIN person_keys k ON k.person_id = p.id
            WHERE p.name = 'Pat Morgan'`,
        )
        .get() as { id: number; name: string; fingerprint: string };
      const danRow = raw.prepare('SELECT * FROM people WHERE id = ?').get(dan) as { pending_since: string };
      const at = new Date().toISOString();
      const statement = canonicalJson({
        kind: 'tranche-role-approval/1',
        person: { id: dan, name: 'Dan Hughes' },
        role: 'commissioner',
        grantedAt: danRow.pending_since,
        approvedAt: at,
        approvedBy: pat,
      });
      const signature =
        forged.signature === 'dan'
          ? signBytes(danKey, Buffer.from(statement, 'utf8'))
          : (raw.prepare('SELECT signature FROM role_approvals ORDER BY id LIMIT 1').pluck().get() as string);
      raw.prepare('UPDATE people SET pending_since = NULL, role_before = NULL WHERE id = ?').run(dan);
      const approval = raw
        .prepare(
          `INSERT INTO role_approvals (person_id, role, approved_by, approved_at, statement, signature,
             approver_fingerprint) VALUES (?, 'commissioner', ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(dan, pat.id, at, statement, signature, pat.fingerprint) as number;
      const image = (table: string, key: object) =>
        rowReader(
          raw,
          auditedTables(raw).find((t) => t.name === table)!,
        ).image(canonicalJson(key));
      const fingerprint = raw
        .prepare('SELECT fingerprint FROM person_keys WHERE person_id = ?')
        .pluck()
        .get(dan);
      appendEntry(
        raw,
        {
          operation: 'people:setRole',
          at,
          personId: dan,
          personName: 'Dan Hughes',
          keyFingerprint: String(fingerprint),
          input: { personId: dan, role: 'commissioner' },
          summary: 'Made Dan Hughes commissioner',
          rounds: [],
          signer: { privateKey: danKey, fingerprint: String(fingerprint) },
        },
        [
          {
            table: 'people',
            key: canonicalJson({ id: dan }),
            op: 'update',
            image: image('people', { id: dan }),
          },
          {
            table: 'role_approvals',
            key: canonicalJson({ id: approval }),
            op: 'insert',
            image: image('role_approvals', { id: approval }),
          },
        ],
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

describe('a lead officer with the sqlite3 shell and their own key', () => {
  it("cannot approve their own grant with an approval they signed: verify checks the commissioner's", async () => {
    const { file, dan } = await danWaiting();
    expect((await verify(file)).code).toBe(0);
    forgeApproval(file, dan, { signature: 'dan' });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    const entry = String.raw`^Audit entry \d+ \(people:setRole, [^)]*\) `;
    expect(verified.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `${entry}records an approval of Dan Hughes as commissioner: it was written by Dan Hughes, not Pat Morgan$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `${entry}makes Dan Hughes commissioner without the sitting commissioner's signed approval$`,
        ),
      ),
    ]);
  });

  it("cannot reuse the commissioner's signature from someone else's approval", async () => {
    const { file, dan } = await danWaiting();
    forgeApproval(file, dan, { signature: 'replayed' });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toContainEqual(
      expect.stringMatching(
        /makes Dan Hughes commissioner without the sitting commissioner's signed approval/,
      ),
    );
  });
});
