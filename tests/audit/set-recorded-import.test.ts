import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeAsSet } from '../../db/audit/set-record';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { verifyDatabase } from '../../db/audit/verify';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { databaseHash } from '../support/database-hash';
import { addPerson } from '../support/people';
import { moveRoundTo } from '../support/stages';
import { actingAs, TEST_PASSPHRASE, testContext } from '../support/temp-db';

// A score import records its rows as a set (db/audit/set-record.ts): SQLite images them as it
// writes them into the chain, and the capture triggers pass over them. The chain must hold every
// row exactly as the sealer would have written it, and verify must still catch an edit made with
// sqlite3 afterwards.

const reason = 'A justification long enough to count.';
// Text JSON escapes: quotes, a backslash, a new line, a tab, a control character, accents, an emoji.
const awkward = 'He said "fine" \\ then\nleft\tearly \u0001 — café 👍 and more words';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function scoringRound() {
  const { ctx, connection, file } = testContext();
  await ok(addPerson({ name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE }, ctx));
  const lead = actingAs(ctx, 'Lee Lead');
  for (const name of ['Amy Assessor', 'Bo Assessor'])
    await ok(addPerson({ name, role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  const round = await ok(
    dispatch('rounds:create', { fund: 'Invest to Save', name: 'Round', budgetPence: 50_000_00 }, lead),
  );
  for (const ref of ['A1', 'A2', 'A3'])
    await ok(
      dispatch(
        'bids:create',
        {
          roundId: round.id,
          ref,
          partnership: 'Safer Walsall Partnership',
          title: ref,
          requestedPence: 1_000_000,
        },
        lead,
      ),
    );
  const framework = await ok(
    dispatch('frameworks:use', { roundId: round.id, template: 'invest-to-save' }, lead),
  );
  for (const assessor of ['Amy Assessor', 'Bo Assessor'])
    await ok(dispatch('assessment:assign', { roundId: round.id, assessor, all: true }, lead));
  await moveRoundTo(lead, round.id, 'assessment');
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  for (const name of ['Amy Assessor', 'Bo Assessor'])
    await ok(dispatch('assessment:declare', { roundId: round.id, all: true, conflict: false }, as(name)));
  const lines = ['bid,assessor,criterion,score,justification'];
  for (const ref of ['A1', 'A2', 'A3'])
    for (const assessor of ['Amy Assessor', 'Bo Assessor'])
      for (const c of framework.criteria) {
        const text = ref === 'A2' ? awkward : reason;
        lines.push(`${ref},${assessor},${c.code},${c.gateway ? 1 : 3},"${text.replaceAll('"', '""')}"`);
      }
  const file_ = (rows: string[]) => ({
    roundId: round.id,
    fileName: 'scores.csv',
    dataBase64: Buffer.from(rows.join('\r\n')).toString('base64'),
  });
  return { ctx, connection, file, lead, as, round, framework, lines, scoresFile: file_ };
}

/** Every change an entry holds, as the chain stores it. */
/** The ids of bids by reference, in the order of the references, and Amy's. */
function idsOf(sqlite: Database.Database, refs: string[]) {
  const bid = sqlite.prepare('SELECT id FROM bids WHERE ref = ?').pluck();
  const amy = sqlite.prepare("SELECT id FROM people WHERE name = 'Amy Assessor'").pluck().get() as number;
  return { bids: refs.map((ref) => bid.get(ref) as number), amy };
}

function changesOf(sqlite: Database.Database, seq: number) {
  return sqlite
    .prepare(
      'SELECT table_name, row_key, op, image, position FROM audit_changes WHERE entry_seq = ? ORDER BY position',
    )
    .all(seq) as { table_name: string; row_key: string; op: string; image: string; position: number }[];
}

describe('a score import, recorded as a set', () => {
  it('puts every row it wrote in the chain exactly as written, and verify passes', async () => {
    const { connection, lead, as, framework, lines, scoresFile } = await scoringRound();
    const sqlite = connection.sqlite;
    // Amy saved A1 by hand first (not submitted): the import overwrites those rows, an update.
    const a1 = sqlite.prepare("SELECT id FROM bids WHERE ref = 'A1'").pluck().get() as number;
    await ok(
      dispatch(
        'assessment:score',
        {
          bidId: a1,
          scores: framework.criteria.map((c) => ({
            criterionId: c.id,
            score: c.gateway ? 1 : 2,
            justification: reason,
          })),
          submit: false,
        },
        as('Amy Assessor'),
      ),
    );
    const before = sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
    expect(await ok(dispatch('assessment:importScores', scoresFile(lines), lead))).toEqual({
      imported: lines.length - 1,
    });
    const seq = sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
    expect(seq).toBe(before + 1);
    const entry = sqlite
      .prepare('SELECT operation, summary, rounds FROM audit_entries WHERE seq = ?')
      .get(seq) as {
      operation: string;
      summary: string;
      rounds: string;
    };
    expect(entry.operation).toBe('assessment:importScores');
    const criteria = framework.criteria.length;
    expect(entry.summary).toContain(
      `[${criteria * 6 * 2 + 6} rows changed: scores ${criteria * 6}, score_history ${criteria * 6}, submissions 6]`,
    );
    const recorded = changesOf(sqlite, seq);
    expect(recorded.map((c) => c.position)).toEqual(recorded.map((_, i) => i));
    // Each row of the three tables as the sealer images it now, beside the chain's record of it.
    const tables = new Map(auditedTables(sqlite).map((t) => [t.name, t]));
    for (const name of ['scores', 'score_history', 'submissions']) {
      const mine = recorded.filter((c) => c.table_name === name);
      const images = rowReader(sqlite, tables.get(name)!).images(mine.map((c) => c.row_key));
      expect(mine.map((c) => c.image)).toEqual(images);
    }
    const amy = sqlite.prepare("SELECT id FROM people WHERE name = 'Amy Assessor'").pluck().get() as number;
    const ops = recorded.filter((c) => c.table_name === 'scores').map((c) => [JSON.parse(c.row_key), c.op]);
    expect(ops.filter(([, op]) => op === 'update')).toEqual(
      framework.criteria.map((c) => [{ bid_id: a1, criterion_id: c.id, person_id: amy }, 'update']),
    );
    expect(recorded.find((c) => c.image.includes('café'))?.image).toContain(JSON.stringify(awkward));
    const report = verifyDatabase(connection);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // The capture triggers are back on: a score saved by hand afterwards is recorded as before.
    const a3 = sqlite.prepare("SELECT id FROM bids WHERE ref = 'A3'").pluck().get() as number;
    await ok(dispatch('assessment:reopen', { bidId: a3, assessor: 'Amy Assessor', reason: 'A slip' }, lead));
    expect(verifyDatabase(connection).problems).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM temp.audit_quiet').pluck().get()).toBe(0);
  });

  it('reports a score edited with sqlite3 after the import', async () => {
    const { connection, file, lead, lines, scoresFile } = await scoringRound();
    await ok(dispatch('assessment:importScores', scoresFile(lines), lead));
    const seq = connection.sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
    const shell = new Database(file);
    const edited = shell
      .prepare(
        'UPDATE scores SET score = 0 WHERE rowid = (SELECT min(s.rowid) FROM scores s ' +
          "JOIN bids b ON b.id = s.bid_id WHERE b.ref = 'A2') RETURNING bid_id, person_id, criterion_id",
      )
      .get() as { bid_id: number; person_id: number; criterion_id: number };
    shell.close();
    const report = verifyDatabase(connection);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `scores row (bid_id ${edited.bid_id}, criterion_id ${edited.criterion_id}, person_id ${edited.person_id}) ` +
        `does not match audit entry ${seq} (score): it was changed outside Tranche`,
    ]);
  });

  it('refuses a file whose last row is bad, changing nothing', async () => {
    const { connection, lead, lines, scoresFile } = await scoringRound();
    const before = databaseHash(connection);
    const refused = await dispatch(
      'assessment:importScores',
      scoresFile([...lines, `NO-SUCH-BID,Amy Assessor,C1,3,"${reason}"`]),
      lead,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.issues?.map((i) => i.message)).toEqual([
      `Row ${lines.length + 1}: there is no bid "NO-SUCH-BID" in this round`,
    ]);
    expect(databaseHash(connection)).toBe(before);
  });

  it('leaves a row written in the quiet but not named out of the chain, where verify finds it', async () => {
    const { ctx, connection } = await scoringRound();
    const sqlite = connection.sqlite;
    const {
      bids: [a1, a2],
      amy,
    } = idsOf(sqlite, ['A1', 'A2']);
    const write = sqlite.prepare(
      'INSERT INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)',
    );
    ctx.store.transaction(() =>
      writeAsSet(sqlite, ['submissions'], () => {
        write.run(a1, amy, '2026-11-22T09:00:00.000Z');
        write.run(a2, amy, '2026-11-22T09:00:00.000Z');
        return { submissions: [[a1!, amy]] };
      }),
    );
    // (Written outside any operation, the entry is unsigned: verify says so too.)
    const rows = verifyDatabase(connection).problems.filter((p) => p.startsWith('submissions row'));
    expect(rows).toEqual([
      `submissions row (bid_id ${a2}, person_id ${amy}) is not in the audit chain: it was added outside Tranche`,
    ]);
    // Naming a table the write did not say it writes is refused, and the write rolls back.
    expect(() =>
      ctx.store.transaction(() => writeAsSet(sqlite, ['scores'], () => ({ submissions: [[a1!, amy]] }))),
    ).toThrow(/did not say it writes/);
  });

  it('records each row a set names once, in the order first named, leaving out a row not changed', async () => {
    const { ctx, connection } = await scoringRound();
    const sqlite = connection.sqlite;
    const {
      bids: [a1, a2, a3],
      amy,
    } = idsOf(sqlite, ['A1', 'A2', 'A3']);
    const write = sqlite.prepare(
      'INSERT OR IGNORE INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)',
    );
    const at = '2026-11-22T09:00:00.000Z';
    const recordSet = (ids: number[], keys: (number | string)[][]) => {
      ctx.store.transaction(() =>
        writeAsSet(sqlite, ['submissions'], () => {
          for (const id of ids) write.run(id, amy, at);
          return { submissions: keys };
        }),
      );
      const seq = sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
      return changesOf(sqlite, seq).map((c) => [c.position, JSON.parse(c.row_key).bid_id, c.op]);
    };
    expect(recordSet([a1!], [[a1!, amy]])).toEqual([[0, a1, 'insert']]);
    // A1 is written again unchanged (ignored); A2 is named twice.
    expect(
      recordSet(
        [a1!, a2!],
        [
          [a2!, amy],
          [a1!, amy],
          [a2!, amy],
        ],
      ),
    ).toEqual([[0, a2, 'insert']]);
    // Two texts that name one row (a number and the same as text) are one row too.
    expect(
      recordSet(
        [a3!],
        [
          [String(a3), amy],
          [a3!, amy],
        ],
      ),
    ).toEqual([[0, a3, 'insert']]);
    expect(verifyDatabase(connection).problems.filter((p) => p.startsWith('submissions row'))).toEqual([]);
  });

  it('hands a row SQLite cannot image as the sealer does (a real) to the usual sealing, so it verifies', async () => {
    const { ctx, connection, framework } = await scoringRound();
    const sqlite = connection.sqlite;
    const {
      bids: [a1, a2],
      amy,
    } = idsOf(sqlite, ['A1', 'A2']);
    const criterion = framework.criteria[0]!.id;
    const write = sqlite.prepare(
      'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?)',
    );
    ctx.store.transaction(() =>
      writeAsSet(sqlite, ['scores'], () => {
        write.run(a1, amy, criterion, 2.5, reason, '2026-11-22T09:00:00.000Z');
        write.run(a2, amy, criterion, 3, reason, '2026-11-22T09:00:00.000Z');
        return {
          scores: [
            [a1!, amy, criterion],
            [a2!, amy, criterion],
          ],
        };
      }),
    );
    const seq = sqlite.prepare('SELECT max(seq) FROM audit_entries').pluck().get() as number;
    const recorded = changesOf(sqlite, seq);
    expect(recorded.map((c) => JSON.parse(c.image).score)).toEqual([2.5, 3]);
    const scores = auditedTables(sqlite).find((t) => t.name === 'scores')!;
    expect(recorded.map((c) => c.image)).toEqual(
      rowReader(sqlite, scores).images(recorded.map((c) => c.row_key)),
    );
    expect(verifyDatabase(connection).problems.filter((p) => p.startsWith('scores row'))).toEqual([]);
  });
});
