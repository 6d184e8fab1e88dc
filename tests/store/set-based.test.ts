import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../db/audit/verify';
import { imageOf, imagerOf, keyerOf, keyOfRow } from '../../db/audit/tables';
import { canonicalJson, sha256Hex } from '../../db/audit/canonical';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { addPerson } from '../support/people';
import { moveRoundTo } from '../support/stages';
import { actingAs, TEST_PASSPHRASE, testContext } from '../support/temp-db';

// The commands that touch every bid of a round (declaring in all of them, importing a score file,
// ranking, suggesting an allocation, verifying the record) read the database a fixed number of
// times whatever the round's size: no query per row. Each is counted, statement by statement, on
// a round of 3 bids and on one of 24; writes may be one per row (prepared once), reads may not.

interface Counts {
  prepared: number;
  reads: number;
}

/** Counts statements compiled and read-statement runs on a connection from now on. */
function countStatements(sqlite: Database.Database, counts: Counts) {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    counts.prepared++;
    const statement = prepare(source);
    for (const method of ['get', 'all', 'iterate'] as const) {
      const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        counts.reads++;
        return run(...args);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
}

const reason = 'A justification long enough to count.';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

// long-function: one round taken through every whole-round command, each counted on its own
async function statementsPerCommand(bids: number): Promise<Record<string, Counts>> {
  const { ctx, connection } = testContext();
  await ok(addPerson({ name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE }, ctx));
  const lead = actingAs(ctx, 'Lee Lead');
  for (const name of ['Amy Assessor', 'Bo Assessor'])
    await ok(addPerson({ name, role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  const round = await ok(
    dispatch('rounds:create', { fund: 'Invest to Save', name: 'Round', budgetPence: 50_000_00 }, lead),
  );
  for (let i = 1; i <= bids; i++)
    await ok(
      dispatch(
        'bids:create',
        {
          roundId: round.id,
          ref: `B${i}`,
          partnership: 'Safer Walsall Partnership',
          title: `Bid ${i}`,
          requestedPence: 1_000_000 + i * 10_000,
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

  const counts: Record<string, Counts> = {};
  const counted = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const c = (counts[name] = { prepared: 0, reads: 0 });
    const writer = connection.sqlite;
    const reader = connection.reader.sqlite;
    const saved = [writer.prepare, reader.prepare];
    countStatements(writer, c);
    if (reader !== writer) countStatements(reader, c);
    try {
      return await work();
    } finally {
      writer.prepare = saved[0]!;
      reader.prepare = saved[1]!;
    }
  };
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  for (const assessor of ['Amy Assessor', 'Bo Assessor'])
    await counted(`declare --all (${assessor})`, () =>
      ok(dispatch('assessment:declare', { roundId: round.id, assessor, all: true, conflict: false }, lead)),
    );
  const lines = ['bid,assessor,criterion,score,justification'];
  for (let i = 1; i <= bids; i++)
    for (const assessor of ['Amy Assessor', 'Bo Assessor'])
      for (const c of framework.criteria)
        lines.push(`B${i},${assessor},${c.code},${c.gateway ? 1 : (i % 5) + 1},"${reason}"`);
  const imported = await counted('import scores', () =>
    ok(
      dispatch(
        'assessment:importScores',
        {
          roundId: round.id,
          fileName: 'scores.csv',
          dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
        },
        lead,
      ),
    ),
  );
  expect(imported.imported).toBe(bids * 2 * framework.criteria.length);
  const ranking = await counted('rank', () =>
    ok(dispatch('assessment:ranking', { roundId: round.id }, lead)),
  );
  expect(ranking).toHaveLength(bids);
  await moveRoundTo(lead, round.id, 'board');
  const suggestion = await counted('suggest --apply', () =>
    ok(
      dispatch('allocation:suggest', { roundId: round.id, apply: true, reason: 'As ranked' }, as('Lee Lead')),
    ),
  );
  expect(suggestion.items.length).toBeGreaterThan(0);
  await moveRoundTo(lead, round.id, 'decision');
  const drafted = await ok(dispatch('notices:create', { roundId: round.id }, lead));
  const { id: noticeId, title, marking, wording, summary } = drafted;
  await ok(
    dispatch('notices:update', { noticeId, title, marking, wording, summary, includeAppendixB: true }, lead),
  );
  const notice = await counted('notice with Appendix B', () =>
    ok(dispatch('notices:export', { roundId: round.id, format: 'pdf' }, lead)),
  );
  expect(notice.dataBase64.length).toBeGreaterThan(0);
  const report = await counted('verify', () => verifyDatabase(connection));
  expect(report.problems).toEqual([]);
  connection.close();
  return counts;
}

describe('whole-round commands at any size', () => {
  it('read the database as often for 24 bids as for 3: no query per bid or per row', async () => {
    const small = await statementsPerCommand(3);
    const large = await statementsPerCommand(24);
    expect(Object.keys(large)).toHaveLength(7);
    for (const [command, counts] of Object.entries(large))
      expect({ command, ...counts }).toEqual({ command, ...small[command] });
  }, 120_000);

  it('images a row as canonicalJson does, secrets hashed, whatever its values', () => {
    const rows: Record<string, unknown>[] = [
      { id: 1, name: 'Amy "A" Adams\n', score: 2.5, flag: true, none: null },
      { b_id: 3, a_id: 2, passphrase_hash: 'secret', sealed_key: Buffer.from([1, 2, 3]), salt: null },
      { id: 7, blob: Buffer.from('bytes'), big: 12n, é: 'accents ünïcode', emoji: '\u{1F600}' },
      { '10': 'numeric name', '2': 'another', x: 1 },
    ];
    for (const row of rows) {
      const shown = Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          /passphrase|password|secret|private|sealed|salt/i.test(column) && value !== null
            ? { sha256: sha256Hex(Buffer.isBuffer(value) ? value : String(value)) }
            : value,
        ]),
      );
      expect(imageOf(row)).toBe(canonicalJson(shown));
      // Read as an array after two leading values, as verify reads rows: the same image and key.
      const columns = Object.keys(row);
      const values = ['key', 'last', ...columns.map((c) => row[c])];
      expect(imagerOf(columns, 2)(values)).toBe(imageOf(row));
      const table = { name: 't', keyColumns: columns.slice(0, 2).reverse(), columns };
      expect(keyerOf(table, columns, 2)(values)).toBe(keyOfRow(table, row));
    }
  });
});
