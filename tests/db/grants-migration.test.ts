import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { migrationsUpTo, tempDbFile } from '../support/temp-db';

// Rounds signed before grants existed get a grant for every award of their signed notice when the
// database is upgraded; undecided rounds and copies received in packs get none.

const NOW = '2026-01-01T00:00:00.000Z';

describe('the grants migration', () => {
  it('makes a grant for every award of a round already signed, dated its signing', () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: migrationsUpTo(14) }).close();
    const old = new Database(file);
    old.prepare("INSERT INTO funds (name, created_at) VALUES ('Invest to Save', ?)").run(NOW);
    old.prepare("INSERT INTO partnerships (name, created_at) VALUES ('Safer Walsall', ?)").run(NOW);
    const round = old.prepare(
      'INSERT INTO rounds (fund_id, name, budget_pence, stage, copy_of, uid, created_at, updated_at) ' +
        'VALUES (1, ?, 100000000, ?, ?, ?, ?, ?)',
    );
    round.run('Signed', 'signed', null, 'uid-1', NOW, NOW);
    round.run('Undecided', 'decision', null, 'uid-2', NOW, NOW);
    round.run('A copy', 'signed', '{"office":"elsewhere"}', 'uid-3', NOW, NOW);
    const bid = old.prepare(
      'INSERT INTO bids (round_id, ref, partnership_id, title, requested_pence, created_at, updated_at) ' +
        'VALUES (?, ?, 1, ?, 5000000, ?, ?)',
    );
    const allocate = old.prepare(
      'INSERT INTO allocation_items (round_id, bid_id, option, amount_pence, conditions, updated_at) ' +
        "VALUES (?, ?, 'custom', ?, ?, ?)",
    );
    const notice = old.prepare(
      'INSERT INTO notices (round_id, number, year, sequence, title, wording, status, signed_on, ' +
        'created_at, updated_at) ' +
        "VALUES (?, ?, 2026, ?, 'Notice', '{}', ?, ?, ?, ?)",
    );
    for (const [roundId, refs] of [
      [1, ['W1', 'W2']],
      [2, ['W3']],
      [3, ['W4']],
    ] as const)
      for (const ref of refs) {
        const id = Number(bid.run(roundId, ref, `Project ${ref}`, NOW, NOW).lastInsertRowid);
        allocate.run(roundId, id, ref === 'W2' ? 2_500_000 : 4_000_000, `Conditions of ${ref}`, NOW);
      }
    notice.run(1, '001/2026', 1, 'superseded', '2026-03-01', NOW, NOW);
    notice.run(1, '002/2026', 2, 'signed', '2026-05-04', NOW, NOW);
    notice.run(2, '003/2026', 3, 'draft', null, NOW, NOW);
    notice.run(3, '004/2026', 4, 'signed', '2026-05-05', NOW, NOW);
    old.close();

    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const grants = current.sqlite
      .prepare(
        'SELECT g.round_id AS round, b.ref, g.notice_id AS notice, g.awarded_pence AS pence, ' +
          'g.awarded_on AS awardedOn, ' +
          'g.conditions, g.status FROM grants g JOIN bids b ON b.id = g.bid_id ORDER BY b.ref',
      )
      .all();
    expect(grants).toEqual([
      {
        round: 1,
        ref: 'W1',
        notice: 2,
        pence: 4_000_000,
        awardedOn: '2026-05-04',
        conditions: 'Conditions of W1',
        status: 'agreement_drafted',
      },
      {
        round: 1,
        ref: 'W2',
        notice: 2,
        pence: 2_500_000,
        awardedOn: '2026-05-04',
        conditions: 'Conditions of W2',
        status: 'agreement_drafted',
      },
    ]);
    current.close();
  });
});
