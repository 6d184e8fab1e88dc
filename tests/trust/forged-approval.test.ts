import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendEntry, type RowChange } from '../../db/audit/chain';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { dispatch } from '../../electron/handlers/dispatch';
import { signBytes } from '../../electron/identity/keys';
import { canonicalJson } from '../../shared/canonical-json';
import { must, signedRound } from '../audit/signed-round';
import { cli, keyOf } from '../support/pack-cli';
import { addPerson } from '../support/people';
import { TEST_PASSPHRASE } from '../support/temp-db';

// Issue 17: only the sitting commissioner makes a commissioner or lead officer, by signing an
// approval with their key. Dan Hughes, a lead officer, grants himself the commissioner's role (it
// waits for Pat Morgan), then with the sqlite3 shell, Tranche's source and his own key (which his
// passphrase unlocks) writes the approval himself: his grant marked approved, an approval row
// naming Pat, and an entry he signs, as a change of role a lead officer may make.

/** Dan waiting to be commissioner, and Tim Temporary approved as lead officer by Pat. */
async function danWaiting() {
  const { connection, file, lead } = await signedRound();
  must(await addPerson({ name: 'Tim Temporary', role: 'lead_officer' }, lead));
  const dan = connection.sqlite
    .prepare("SELECT id FROM people WHERE name = 'Dan Hughes'")
    .pluck()
    .get() as number;
  must(await dispatch('people:setRole', { personId: dan, role: 'commissioner' }, lead));
  connection.close();
  return { file, dan };
}

interface Forged {
  /**
   * The approval's signature: made with Dan's own key, or Pat's genuine one on Tim's approval; or
   * no approval at all, Dan's row simply made commissioner; or Pat's own, on a statement naming a
   * key that is not Dan's (`namedKey`: the fingerprint it names; null, none).
   */
  signature: 'dan' | 'replayed' | 'none' | 'pat';
  namedKey?: string | null;
}

function forgeApproval(file: string, dan: number, forged: Forged) {
  const danKey = keyOf(file, 'Dan Hughes', TEST_PASSPHRASE);
  const patKey = forged.signature === 'pat' ? keyOf(file, 'Pat Morgan', TEST_PASSPHRASE) : null;
  const raw = new Database(file);
  const image = (table: string, key: object) =>
    rowReader(
      raw,
      auditedTables(raw).find((t) => t.name === table)!,
    ).image(canonicalJson(key));
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
      raw.prepare('UPDATE people SET pending_since = NULL, role_before = NULL WHERE id = ?').run(dan);
      const changes: RowChange[] = [
        {
          table: 'people',
          key: canonicalJson({ id: dan }),
          op: 'update',
          image: image('people', { id: dan }),
        },
      ];
      if (forged.signature !== 'none') {
        const named = forged.namedKey === undefined ? {} : { fingerprint: forged.namedKey ?? undefined };
        const statement = canonicalJson({
          kind: forged.namedKey === undefined ? 'tranche-role-approval/1' : 'tranche-role-approval/2',
          person: { id: dan, name: 'Dan Hughes', ...named },
          role: 'commissioner',
          grantedAt: danRow.pending_since,
          approvedAt: at,
          approvedBy: pat,
        });
        const signature =
          forged.signature === 'dan' || patKey
            ? signBytes(patKey ?? danKey, Buffer.from(statement, 'utf8'))
            : (raw
                .prepare('SELECT signature FROM role_approvals ORDER BY id LIMIT 1')
                .pluck()
                .get() as string);
        const approval = raw
          .prepare(
            `INSERT INTO role_approvals (person_id, role, approved_by, approved_at, statement, signature,
               approver_fingerprint) VALUES (?, 'commissioner', ?, ?, ?, ?, ?) RETURNING id`,
          )
          .pluck()
          .get(dan, pat.id, at, statement, signature, pat.fingerprint) as number;
        changes.push({
          table: 'role_approvals',
          key: canonicalJson({ id: approval }),
          op: 'insert',
          image: image('role_approvals', { id: approval }),
        });
      }
      const author = patKey ? pat : { id: dan, name: 'Dan Hughes' };
      const fingerprint = String(
        raw.prepare('SELECT fingerprint FROM person_keys WHERE person_id = ?').pluck().get(author.id),
      );
      appendEntry(
        raw,
        {
          operation: patKey ? 'people:approve' : 'people:setRole',
          at,
          personId: author.id,
          personName: author.name,
          keyFingerprint: fingerprint,
          input: { personId: dan, role: 'commissioner' },
          summary: 'Made Dan Hughes commissioner',
          rounds: [],
          signer: { privateKey: patKey ?? danKey, fingerprint },
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

  it('cannot simply write themselves in as commissioner, with no approval at all', async () => {
    const { file, dan } = await danWaiting();
    forgeApproval(file, dan, { signature: 'none' });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toEqual([
      expect.stringMatching(
        /makes Dan Hughes commissioner without the sitting commissioner's signed approval$/,
      ),
    ]);
  });

  it("is reported when the commissioner's approval names a key that is not the one Dan held then", async () => {
    const { file, dan } = await danWaiting();
    const raw = new Database(file, { readonly: true });
    const timKey = String(
      raw
        .prepare(
          'SELECT k.fingerprint FROM person_keys k JOIN people p ON p.id = k.person_id WHERE p.name = ?',
        )
        .pluck()
        .get('Tim Temporary'),
    );
    raw.close();
    forgeApproval(file, dan, { signature: 'pat', namedKey: timKey });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          String.raw`^Audit entry \d+ \(people:approve, [^)]*\) records an approval of Dan Hughes as commissioner: ` +
            `it names key ${timKey}, not the one Dan Hughes held then$`,
        ),
      ),
    );
  });

  it('is reported when an approval made since approvals name keys names none', async () => {
    const { file, dan } = await danWaiting();
    forgeApproval(file, dan, { signature: 'pat', namedKey: null });
    const verified = await verify(file);
    expect(verified.code).toBe(2);
    expect(verified.problems).toContainEqual(
      expect.stringMatching(
        /records an approval of Dan Hughes as commissioner: it names no key of Dan Hughes's$/,
      ),
    );
  });

  it("still accepts an approval Pat signed before approvals named the person's key", async () => {
    const { file, dan } = await danWaiting();
    forgeApproval(file, dan, { signature: 'pat' });
    expect(await verify(file)).toMatchObject({ code: 0, problems: [] });
  });
});
