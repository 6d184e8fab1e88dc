import Database from 'better-sqlite3';
import { changesHash, entryHash, type EntryFields, type RowChange } from '../../db/audit/chain';
import { GENESIS_HASH } from '../../db/audit/canonical';
import { auditedTables, rowReader } from '../../db/audit/tables';
import { installGuardTriggers } from '../../db/audit/triggers';

// What an insider with the sqlite3 shell and Tranche's source can do to the audit chain: take the
// append-only guard away, change rows and the chain's images of them, then recompute every hash
// and link so that the chain holds together again. Only the signatures cannot be recomputed.

export function rechain(file: string, change: (raw: Database.Database) => void): void {
  const raw = new Database(file);
  try {
    raw.transaction(() => {
      for (const table of ['audit_entries', 'audit_changes'])
        for (const op of ['update', 'delete']) raw.exec(`DROP TRIGGER IF EXISTS ${table}_append_only_${op}`);
      change(raw);
      relink(raw);
      // And puts the guard back, so that nothing shows it was ever away.
      installGuardTriggers(raw);
    })();
  } finally {
    raw.close();
  }
}

interface StoredEntry {
  seq: number;
  at: string;
  person_id: number | null;
  person_name: string | null;
  key_fingerprint: string | null;
  operation: string;
  rounds: string;
  summary: string;
  input: string;
}

function relink(raw: Database.Database) {
  const changesOf = raw.prepare(
    'SELECT table_name AS "table", row_key AS key, op, image FROM audit_changes WHERE entry_seq = ? ORDER BY position',
  );
  const update = raw.prepare(
    'UPDATE audit_entries SET changes_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  );
  let previous = GENESIS_HASH;
  const rows = raw.prepare('SELECT * FROM audit_entries ORDER BY seq').all() as StoredEntry[];
  for (const row of rows) {
    const fields: EntryFields = {
      seq: row.seq,
      at: row.at,
      personId: row.person_id,
      personName: row.person_name,
      keyFingerprint: row.key_fingerprint,
      operation: row.operation,
      rounds: row.rounds,
      summary: row.summary,
      input: row.input,
      changesHash: changesHash(changesOf.all(row.seq) as RowChange[]),
      prevHash: previous,
    };
    previous = entryHash(fields);
    update.run(fields.changesHash, fields.prevHash, previous, fields.seq);
  }
}

/** Makes the chain's last image of every row of `table` match the row as it now stands. */
export function recordRowsAsTheyStand(raw: Database.Database, table: string) {
  const audited = auditedTables(raw).find((t) => t.name === table)!;
  const setImage = raw.prepare(
    `UPDATE audit_changes SET image = ? WHERE table_name = ? AND row_key = ? AND (entry_seq, position) =
       (SELECT entry_seq, position FROM audit_changes WHERE table_name = ? AND row_key = ?
        ORDER BY entry_seq DESC, position DESC LIMIT 1)`,
  );
  for (const { key, image } of [...rowReader(raw, audited).all()])
    setImage.run(image, table, key, table, key);
}

/** Swaps two entries' places in the chain, with the rows each records. */
export function swapEntries(raw: Database.Database, a: number, b: number) {
  for (const [from, to] of [
    [a, -1],
    [b, a],
    [-1, b],
  ]) {
    raw.prepare('UPDATE audit_entries SET seq = ? WHERE seq = ?').run(to, from);
    raw.prepare('UPDATE audit_changes SET entry_seq = ? WHERE entry_seq = ?').run(to, from);
  }
}
