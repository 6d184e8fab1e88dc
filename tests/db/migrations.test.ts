import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { verifyDatabase } from '../../db/audit/verify';
import { migrationCount, migrationsUpTo, tempDbFile } from '../support/temp-db';

const NOW = '2026-01-01T00:00:00.000Z';

function roundValues(fundId: number, name: string, budgetPence: number) {
  return {
    fundId,
    name,
    financialYear: null,
    tranche: null,
    budgetPence,
    opensOn: null,
    closesOn: null,
    status: 'open' as const,
    planId: null,
  };
}

describe('database', () => {
  it('is created and migrated on first open, with WAL and foreign keys on', () => {
    const file = tempDbFile();
    const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const raw = new Database(file);
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'funds',
        'rounds',
        'commitments',
        'bids',
        'bid_cost_lines',
        'partnerships',
        'plans',
        'priorities',
        'bid_search',
      ]),
    );
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.schemaVersion()).toBe(String(migrationCount()));
    raw.close();
    connection.close();
  });

  it('keeps its rows when reopened and migrated again', () => {
    const file = tempDbFile();
    const first = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(first);
    const fundId = store.funds.findOrCreate('Invest to Save', NOW);
    const id = store.rounds.insert(roundValues(fundId, '2013-14 tranche 2', 35_000_000), NOW);
    store.rounds.replaceCommitments(id, [{ description: 'DHR', amountPence: 3_000_000 }]);
    first.close();

    const second = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const rounds = createStore(second).rounds.list(true);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({
      fund: 'Invest to Save',
      budgetPence: 35_000_000,
      committedPence: 3_000_000,
      availablePence: 32_000_000,
    });
    second.close();
  });

  it("moves a first-release round's committed figure into a commitment when upgrading", () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: migrationsUpTo(1) }).close();
    const old = new Database(file);
    old.prepare("INSERT INTO funds (name, created_at) VALUES ('Invest to Save', ?)").run(NOW);
    old
      .prepare(
        'INSERT INTO rounds (fund_id, name, budget_pence, committed_pence, created_at, updated_at) ' +
          "VALUES (1, '2013-14 tranche 2', 35000000, 3000000, ?, ?)",
      )
      .run(NOW, NOW);
    old
      .prepare(
        'INSERT INTO rounds (fund_id, name, budget_pence, committed_pence, archived_at, created_at, ' +
          "updated_at) VALUES (1, 'Nothing committed', 100, 0, ?, ?, ?)",
      )
      .run(NOW, NOW, NOW);
    old.close();

    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const [withCommitment, archived] = createStore(current)
      .rounds.list(true)
      .sort((a, b) => a.id - b.id);
    expect(withCommitment).toMatchObject({
      name: '2013-14 tranche 2',
      budgetPence: 35_000_000,
      commitments: [{ description: 'Commitments already made', amountPence: 3_000_000 }],
      availablePence: 32_000_000,
      status: 'open',
      archived: false,
    });
    expect(archived).toMatchObject({ name: 'Nothing committed', commitments: [], archived: true });
    // The rebuilt tables still enforce their rules.
    const store = createStore(current);
    expect(() => store.funds.findOrCreate('INVEST TO SAVE', NOW)).not.toThrow();
    expect(store.funds.list()).toHaveLength(1);
    expect(() => store.rounds.insert(roundValues(1, '2013-14 TRANCHE 2', 1), NOW)).toThrow(/UNIQUE/);
    current.close();
  });

  it("gives each existing round the stage its record shows, and starts the declarations' history", () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: migrationsUpTo(9) }).close();
    const old = new Database(file);
    const run = (sql: string, ...args: unknown[]) => old.prepare(sql).run(...args);
    run("INSERT INTO funds (name, created_at) VALUES ('Invest to Save', ?)", NOW);
    run("INSERT INTO partnerships (name, created_at) VALUES ('Walsall', ?)", NOW);
    run("INSERT INTO people (name, role, created_at) VALUES ('Amy', 'policy_officer', ?)", NOW);
    const names = ['Signed', 'Superseding', 'Drafted', 'Allocated', 'Declared', 'Bids only', 'Empty'];
    names.forEach((name, i) => {
      run(
        'INSERT INTO rounds (fund_id, name, budget_pence, created_at, updated_at) VALUES (1, ?, 100000, ?, ?)',
        name,
        NOW,
        NOW,
      );
      if (name !== 'Empty')
        run(
          'INSERT INTO bids (round_id, ref, partnership_id, title, requested_pence, created_at, updated_at) ' +
            "VALUES (?, 'X1', 1, 'Bid', 500, ?, ?)",
          i + 1,
          NOW,
          NOW,
        );
    });
    let sequence = 0;
    const notice = (roundId: number, status: string) =>
      run(
        'INSERT INTO notices (round_id, number, year, sequence, title, wording, status, created_at, updated_at) ' +
          "VALUES (?, ?, 2026, ?, 'N', '{}', ?, ?, ?)",
        roundId,
        `${++sequence}/2026`,
        sequence,
        status,
        NOW,
        NOW,
      );
    notice(1, 'superseded');
    notice(1, 'signed');
    notice(2, 'signed');
    notice(2, 'draft');
    notice(3, 'ready');
    run(
      "INSERT INTO allocation_items (round_id, bid_id, option, amount_pence, updated_at) VALUES (4, 4, 'full', 500, ?)",
      NOW,
    );
    run(
      'INSERT INTO declarations (bid_id, person_id, conflict, nature, declared_at) VALUES (5, 1, 1, ?, ?)',
      'Trustee',
      NOW,
    );
    old.close();

    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(current);
    const stages = store.rounds
      .list(true)
      .sort((a, b) => a.id - b.id)
      .map((r) => [r.name, r.stage]);
    expect(stages).toEqual([
      ['Signed', 'signed'],
      ['Superseding', 'decision'],
      ['Drafted', 'decision'],
      ['Allocated', 'board'],
      ['Declared', 'assessment'],
      ['Bids only', 'open'],
      ['Empty', 'setup'],
    ]);
    expect(store.scoring.declarationHistory(5, 1)).toEqual([
      expect.objectContaining({ conflict: true, nature: 'Trustee', reason: null, at: NOW }),
    ]);
    // Every round, bid and notice came through the migration.
    expect(store.bids.listForRound(1)).toHaveLength(1);
    expect(store.notices.forRound(1)).toHaveLength(2);
    current.close();
  });

  it('refuses money that breaks the rules even when a query bypasses the handlers', () => {
    const connection = openDatabase(tempDbFile(), { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(connection);
    const fundId = store.funds.findOrCreate('Invest to Save', NOW);
    expect(() => store.rounds.insert(roundValues(fundId, 'Bad', -1), NOW)).toThrow(/CHECK constraint failed/);
    expect(() => store.rounds.insert(roundValues(999, 'Orphan', 1), NOW)).toThrow(/FOREIGN KEY/);
    const id = store.rounds.insert(roundValues(fundId, 'Good', 100), NOW);
    expect(() => store.rounds.replaceCommitments(id, [{ description: 'Nothing', amountPence: 0 }])).toThrow(
      /CHECK constraint failed/,
    );
    connection.close();
  });

  it('rolls a transaction back whole when any write in it fails', () => {
    const connection = openDatabase(tempDbFile(), { migrationsFolder: MIGRATIONS_FOLDER });
    const store = createStore(connection);
    expect(() =>
      store.transaction(() => {
        store.funds.findOrCreate('Orphan fund', NOW);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(store.funds.list()).toEqual([]);
    connection.close();
  });
  it('gives every existing round its own global uid for packs, none of them a copy', () => {
    const file = tempDbFile();
    openDatabase(file, { migrationsFolder: migrationsUpTo(12) }).close();
    const old = new Database(file);
    old.prepare("INSERT INTO funds (name, created_at) VALUES ('Invest to Save', ?)").run(NOW);
    for (const name of ['First', 'Second', 'Third'])
      old
        .prepare(
          'INSERT INTO rounds (fund_id, name, budget_pence, created_at, updated_at) VALUES (1, ?, 100000, ?, ?)',
        )
        .run(name, NOW, NOW);
    old.close();
    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const rows = current.sqlite.prepare('SELECT name, uid, copy_of FROM rounds ORDER BY id').all() as {
      name: string;
      uid: string;
      copy_of: string | null;
    }[];
    expect(rows.map((r) => r.name)).toEqual(['First', 'Second', 'Third']);
    for (const row of rows) {
      expect(row.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.copy_of).toBeNull();
    }
    expect(new Set(rows.map((r) => r.uid)).size).toBe(3);
    // A round made after the upgrade draws its own uid; two rounds can never share one.
    const store = createStore(current);
    const id = store.rounds.insert(roundValues(1, 'Fourth', 1), NOW);
    const fourth = current.sqlite.prepare('SELECT uid FROM rounds WHERE id = ?').pluck().get(id) as string;
    expect(fourth).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.map((r) => r.uid)).not.toContain(fourth);
    expect(() =>
      current.sqlite.prepare('UPDATE rounds SET uid = ? WHERE id = ?').run(rows[0]!.uid, id),
    ).toThrow(/UNIQUE/);
    current.close();
  });

  it("finds a row's latest change in the audit chain without sorting once upgraded, the chain whole", () => {
    const file = tempDbFile();
    // A populated file from before the change: a round whose budget was changed twice, each sealed.
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(20) });
    const oldStore = createStore(old);
    const id = oldStore.transaction(() =>
      oldStore.rounds.insert(roundValues(oldStore.funds.findOrCreate('Invest to Save', NOW), 'R', 100), NOW),
    );
    const setBudget = old.sqlite.prepare('UPDATE rounds SET budget_pence = ? WHERE id = ?');
    for (const budget of [200, 300]) oldStore.transaction(() => setBudget.run(budget, id));
    old.close();

    const current = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    const { sqlite } = current;
    const latest =
      "SELECT image FROM audit_changes WHERE table_name = 'rounds' AND row_key = ? " +
      'ORDER BY entry_seq DESC, position DESC LIMIT 1';
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${latest}`).all(`{"id":${id}}`) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).not.toMatch(/TEMP B-TREE/);
    const image = JSON.parse(sqlite.prepare(latest).pluck().get(`{"id":${id}}`) as string) as {
      budget_pence: number;
    };
    expect(image.budget_pence).toBe(300);
    expect(verifyDatabase(current)).toMatchObject({ ok: true, problems: [] });
    // The chain stays append-only, and a write after the upgrade is still recorded.
    expect(() => sqlite.exec('UPDATE audit_changes SET image = NULL')).toThrow(/append-only/);
    expect(() => sqlite.exec('DELETE FROM audit_changes')).toThrow(/append-only/);
    const setAgain = sqlite.prepare('UPDATE rounds SET budget_pence = ? WHERE id = ?');
    createStore(current).transaction(() => setAgain.run(400, id));
    expect(JSON.parse(sqlite.prepare(latest).pluck().get(`{"id":${id}}`) as string)).toMatchObject({
      budget_pence: 400,
    });
    expect(verifyDatabase(current).ok).toBe(true);
    current.close();
  });
});
