import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactInput } from '../../db/audit/redact';
import { auditedTables, rowReader, type AuditedTable } from '../../db/audit/tables';
import { tempDbFile } from '../support/temp-db';
import { openDatabase } from '../../db/connection';
import { verifyDatabase } from '../../db/audit/verify';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { dispatch } from '../../electron/handlers/dispatch';
import { must, signedRound, tamper } from './signed-round';

const reopenAndVerify = (file: string) => {
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  try {
    return verifyDatabase(connection);
  } finally {
    connection.close();
  }
};

describe('the audit chain', () => {
  it('records every write with who, what and the rows changed, and verifies clean', async () => {
    const { ctx, connection, lead } = await signedRound();
    const report = verifyDatabase(connection);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, signedBy: null, signedOn: null, fingerprint: null });
    const history = must(await dispatch('audit:history', { roundId: 1 }, lead));
    expect(history.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['demo:load', 'allocation:set', 'notices:sign']),
    );
    const signing = history.find((e) => e.operation === 'notices:sign');
    expect(signing).toMatchObject({ person: 'Pat Morgan' });
    expect(signing?.summary).toMatch(/^Signed the decision notice.*notices 1/);
    const allocation = history.filter((e) => e.operation === 'allocation:set');
    expect(allocation[0]?.summary).toMatch(/Set an allocation: B1, reduced.*allocation_items 1/);
    // The input is kept, with its secrets withheld.
    const input = ctx.store.sqlite
      .prepare("SELECT input FROM audit_entries WHERE operation = 'allocation:set' LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(input)).toMatchObject({ roundId: 1, bidRef: 'B1', option: 'reduced' });
    connection.close();
  });

  it('appends nothing for a refused write', async () => {
    const { ctx, connection, as } = await signedRound();
    const count = () => ctx.store.sqlite.prepare('SELECT count(*) FROM audit_entries').pluck().get();
    const before = count();
    const refused = await dispatch(
      'allocation:set',
      { roundId: 1, bidRef: 'W1', option: 'full', conditions: '' },
      as('Dan Hughes'),
    );
    expect(refused.ok).toBe(false);
    const byAssessor = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead' },
      as('Asha Patel'),
    );
    expect(byAssessor.ok).toBe(false);
    expect(count()).toBe(before);
    expect(ctx.store.sqlite.prepare('SELECT count(*) FROM audit_pending').pluck().get()).toBe(0);
    connection.close();
  });

  it('is append-only: the file refuses any change to an entry', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    expect(() => tamper(file, "UPDATE audit_entries SET summary = 'nothing happened' WHERE seq = 3")).toThrow(
      /append-only/,
    );
    expect(() => tamper(file, 'DELETE FROM audit_changes')).toThrow(/append-only/);
    expect(reopenAndVerify(file).ok).toBe(true);
  });

  it('names the entry whose summary was changed once the guard was taken away', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    tamper(
      file,
      'DROP TRIGGER audit_entries_append_only_update',
      "UPDATE audit_entries SET summary = 'nothing happened' WHERE seq = 3",
    );
    const { ok, problems } = reopenAndVerify(file);
    expect(ok).toBe(false);
    expect(problems).toContainEqual(
      expect.stringMatching(/^audit entry 3 \(.*\) was changed after it was written/),
    );
  });

  it('names the entry whose recorded rows were changed, and a cut in the chain', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    tamper(
      file,
      'DROP TRIGGER audit_changes_append_only_update',
      'DROP TRIGGER audit_entries_append_only_delete',
      "UPDATE audit_changes SET image = replace(image, 'Dan Hughes', 'Pat Morgan') WHERE entry_seq = 2",
      'DELETE FROM audit_entries WHERE seq = 4',
    );
    const { problems } = reopenAndVerify(file);
    expect(problems).toContainEqual(
      expect.stringMatching(/^audit entry 2 .*the rows it records were changed after it was written/),
    );
    expect(problems).toContainEqual('The audit chain skips from entry 3 to 5');
    expect(problems).toContainEqual(
      expect.stringMatching(/^audit entry 5 .* does not link to the entry before it/),
    );
  });

  const tamperings: [what: string, sql: string, expected: RegExp][] = [
    [
      'an allocation row',
      'UPDATE allocation_items SET amount_pence = amount_pence + 100000 ' +
        "WHERE bid_id = (SELECT id FROM bids WHERE ref = 'C1')",
      /^allocation_items row \(bid_id \d+, round_id 1\) does not match audit entry \d+ \(amount_pence\)/,
    ],
    [
      'a bid',
      "UPDATE bids SET title = 'Something else' WHERE ref = 'B1'",
      /^bids row \(id \d+\) does not match audit entry \d+ \(title\)/,
    ],
    [
      'a score',
      'UPDATE scores SET score = score - 1 WHERE rowid = (SELECT min(rowid) FROM scores WHERE score > 0)',
      /^scores row \(bid_id \d+, criterion_id \d+, person_id \d+\) does not match audit entry \d+ \(score\)/,
    ],
  ];
  for (const [what, sql, expected] of tamperings) {
    it(`names the table and row when ${what} is changed in the file`, async () => {
      const { file, connection } = await signedRound();
      connection.close();
      tamper(file, sql);
      const { ok, problems } = reopenAndVerify(file);
      expect(ok).toBe(false);
      expect(problems).toContainEqual(expect.stringMatching(expected));
    });
  }

  it("names the notice row and the fingerprint when a signed notice's content is changed", async () => {
    const { file, connection } = await signedRound();
    connection.close();
    tamper(
      file,
      "UPDATE notices SET content = replace(content, 'Birmingham', 'Brummagem') WHERE status = 'signed'",
    );
    const { problems } = reopenAndVerify(file);
    expect(problems).toContainEqual(
      expect.stringMatching(/^notices row \(id 1\) does not match audit entry \d+ \(content\)/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^notices row \(id 1\): decision .*: its content no longer matches the fingerprint/,
      ),
    );
  });

  it('re-derives the decision in force: an allocation changed after signing is named', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    tamper(
      file,
      "UPDATE allocation_items SET amount_pence = 1 WHERE bid_id = (SELECT id FROM bids WHERE ref = 'C1')",
    );
    const { problems } = reopenAndVerify(file);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^notices row \(id 1\): decision .* awards C1 3500000 pence, but the allocation now gives 1 pence/,
      ),
    );
  });

  it('names rows added and deleted outside Tranche', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    tamper(
      file,
      "INSERT INTO settings (key, value) VALUES ('smuggled', 'yes')",
      "DELETE FROM allocation_items WHERE bid_id = (SELECT id FROM bids WHERE ref = 'B1')",
    );
    const { problems } = reopenAndVerify(file);
    expect(problems).toContainEqual(
      'settings row (key smuggled) is not in the audit chain: it was added outside Tranche',
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^allocation_items row \(bid_id \d+, round_id 1\) was deleted outside Tranche/),
    );
  });
});

describe('what an entry keeps of the input', () => {
  it('keeps file contents as their SHA-256 and size, and withholds anything secret', () => {
    const data = Buffer.from('Ref,Partnership\nX1,Somewhere\n');
    expect(
      redactInput({
        roundId: 2,
        fileName: 'a.csv',
        dataBase64: data.toString('base64'),
        passphrase: 'open sesame',
      }),
    ).toEqual({
      roundId: 2,
      fileName: 'a.csv',
      dataBase64: { bytes: data.byteLength, sha256: createHash('sha256').update(data).digest('hex') },
      passphrase: '[withheld]',
    });
    expect(redactInput({ person: { newPassphrase: 'x', privateKey: 'y' } })).toEqual({
      person: { newPassphrase: '[withheld]', privateKey: '[withheld]' },
    });
  });

  it('records an import with the file as its hash, and the rows it added', async () => {
    const { ctx, connection, lead } = await signedRound();
    const round = must(
      await dispatch(
        'rounds:create',
        { fund: 'Audit', name: 'Imports', budgetPence: 1_000_000, commitments: [], financialYear: null },
        lead,
      ),
    );
    const csv =
      'Ref,Partnership,Project title,Amount Requested\nX1,Safer Solihull Partnership,One,"£1,000"\n';
    must(
      await dispatch(
        'bids:import',
        { roundId: round.id, fileName: 'x.csv', dataBase64: Buffer.from(csv).toString('base64') },
        lead,
      ),
    );
    const entry = ctx.store.sqlite
      .prepare("SELECT seq, input, rounds FROM audit_entries WHERE operation = 'bids:import'")
      .get() as { seq: number; input: string; rounds: string };
    expect(entry.input).not.toContain(Buffer.from(csv).toString('base64'));
    expect(JSON.parse(entry.input)).toMatchObject({
      dataBase64: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(entry.rounds).toBe(`,${round.id},`);
    const tables = ctx.store.sqlite
      .prepare('SELECT DISTINCT table_name FROM audit_changes WHERE entry_seq = ?')
      .pluck()
      .all(entry.seq);
    expect(tables).toContain('bids');
    expect(verifyDatabase(connection).ok).toBe(true);
    connection.close();
  });
});

describe('row images', () => {
  it('keep a column that may hold a secret only as its SHA-256', () => {
    const file = tempDbFile();
    const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    connection.sqlite.exec('CREATE TABLE vault (id INTEGER PRIMARY KEY, sealed_private_key TEXT, note TEXT)');
    const [vault] = auditedTables(connection.sqlite).filter((t) => t.name === 'vault');
    connection.sqlite.exec("INSERT INTO vault VALUES (1, 'very secret', 'plain')");
    const image = rowReader(connection.sqlite, vault as AuditedTable).image('{"id":1}') ?? '';
    expect(image).not.toContain('very secret');
    expect(JSON.parse(image)).toMatchObject({
      note: 'plain',
      sealed_private_key: { sha256: expect.any(String) },
    });
    connection.close();
  });
});
