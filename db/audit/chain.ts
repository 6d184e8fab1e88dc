import type Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, sha256Hex } from './canonical';
import { signEntryHash, type EntrySigner } from './entry-signature';
import { auditedTables, canonicalKey, rowReader, type AuditedTable } from './tables';

// Appending to the chain. Every function here expects to run inside a transaction the caller
// holds, so the entry lands together with the changes it records, or not at all.

/** Who did what, as the chain records it. */
export interface AuditOperation {
  operation: string;
  at: string;
  personId: number | null;
  personName: string | null;
  keyFingerprint: string | null;
  /** The input, already stripped of file bytes and secrets (see redact.ts). */
  input: unknown;
  /** One line a person reads in the round's history. */
  summary: string;
  /** Rounds named by the input; rounds of the changed rows are added. */
  rounds: number[];
  /**
   * The acting person's unlocked key, which signs the entry. Absent only for the named kinds that
   * nobody does (db/audit/signers.ts), such as a migration or a wrong passphrase.
   */
  signer?: EntrySigner | null;
}

export interface RowChange {
  table: string;
  key: string;
  op: 'insert' | 'update' | 'delete';
  image: string | null;
}

export interface EntryFields {
  seq: number;
  at: string;
  personId: number | null;
  personName: string | null;
  keyFingerprint: string | null;
  operation: string;
  rounds: string;
  summary: string;
  input: string;
  changesHash: string;
  prevHash: string;
}

export function changesHash(changes: readonly RowChange[]): string {
  return sha256Hex(canonicalJson(changes.map((c) => [c.table, c.key, c.op, c.image])));
}

/** The entry's own hash: over every field but itself, in canonical form. */
export function entryHash(fields: EntryFields): string {
  return sha256Hex(canonicalJson(fields));
}

const LAST_IMAGE_SQL = `SELECT image FROM audit_changes WHERE table_name = ? AND row_key = ?
       ORDER BY entry_seq DESC, position DESC LIMIT 1`;

export function lastImage(sqlite: Database.Database, table: string, key: string): string | null | undefined {
  return lastImageReader(sqlite)(table, key);
}

/** lastImage with its statement prepared once, for a loop over many rows (an import's). */
function lastImageReader(sqlite: Database.Database) {
  const statement = sqlite.prepare(LAST_IMAGE_SQL);
  return (table: string, key: string): string | null | undefined => {
    const row = statement.get(table, key) as { image: string | null } | undefined;
    return row ? row.image : undefined;
  };
}

/** The last image the chain holds of every row it has recorded (null: recorded as deleted). */
export function lastImages(sqlite: Database.Database): Map<string, { image: string | null; seq: number }> {
  const rows = sqlite
    .prepare(
      `SELECT table_name, row_key, image, entry_seq FROM (
         SELECT *, row_number() OVER (PARTITION BY table_name, row_key
                                      ORDER BY entry_seq DESC, position DESC) AS latest
         FROM audit_changes)
       WHERE latest = 1`,
    )
    .all() as { table_name: string; row_key: string; image: string | null; entry_seq: number }[];
  return new Map(rows.map((r) => [rowId(r.table_name, r.row_key), { image: r.image, seq: r.entry_seq }]));
}

export const rowId = (table: string, key: string) => `${table}\u0000${key}`;

export interface RowDifference extends RowChange {
  /** The entry that last recorded the row, or null when the chain never has. */
  recordedIn: number | null;
  recordedImage: string | null;
}

/** Every row whose content differs from the chain's last image of it, and every row gone since. */
export function differencesFromChain(sqlite: Database.Database, tables = auditedTables(sqlite)) {
  const recorded = lastImages(sqlite);
  const differences: RowDifference[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const { key, image } of rowReader(sqlite, table).all()) {
      const id = rowId(table.name, key);
      seen.add(id);
      const last = recorded.get(id);
      if (last?.image === image) continue;
      differences.push({
        table: table.name,
        key,
        op: last?.image ? 'update' : 'insert',
        image,
        recordedIn: last?.seq ?? null,
        recordedImage: last?.image ?? null,
      });
    }
  }
  const names = new Set(tables.map((t) => t.name));
  for (const [id, last] of recorded) {
    if (seen.has(id) || last.image === null) continue;
    const [table = '', key = ''] = id.split('\u0000');
    if (!names.has(table)) continue;
    differences.push({
      table,
      key,
      op: 'delete',
      image: null,
      recordedIn: last.seq,
      recordedImage: last.image,
    });
  }
  return differences;
}

/** The changes noted by the capture triggers since the last entry, with each row as it now is. */
export function pendingChanges(sqlite: Database.Database): RowChange[] {
  const pending = sqlite.prepare('SELECT table_name, row_key FROM audit_pending ORDER BY id').all() as {
    table_name: string;
    row_key: string;
  }[];
  if (pending.length === 0) return [];
  const tables = new Map(auditedTables(sqlite).map((t) => [t.name, t]));
  const readers = new Map<string, ReturnType<typeof rowReader>>();
  const readerFor = (table: AuditedTable) => {
    let reader = readers.get(table.name);
    if (!reader) readers.set(table.name, (reader = rowReader(sqlite, table)));
    return reader;
  };
  const lastImageOf = lastImageReader(sqlite);
  const changes: RowChange[] = [];
  const done = new Set<string>();
  for (const p of pending) {
    const key = canonicalKey(p.row_key);
    const id = rowId(p.table_name, key);
    if (done.has(id)) continue;
    done.add(id);
    const table = tables.get(p.table_name);
    // A table dropped since (a migration): its rows are recorded by the migration's entry.
    if (!table) continue;
    const image = readerFor(table).image(key);
    const before = lastImageOf(p.table_name, key);
    if (image === (before ?? null)) continue; // unchanged, or created and removed within the write
    changes.push({
      table: p.table_name,
      key,
      op: image === null ? 'delete' : before ? 'update' : 'insert',
      image,
    });
  }
  return changes;
}

export function clearPending(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM audit_pending').run();
}

/** Where the chain stands: its last entry's number and hash; null before it begins. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export function chainHead(sqlite: Database.Database): ChainHead | null {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as
    ChainHead | undefined;
  return last ? { seq: last.seq, hash: last.hash } : null;
}

/** Whether the chain still holds the entry a head names, with that hash. */
export function chainHolds(sqlite: Database.Database, head: ChainHead): boolean {
  return sqlite.prepare('SELECT hash FROM audit_entries WHERE seq = ?').pluck().get(head.seq) === head.hash;
}

/** Appends one entry recording `changes`, links it to the last, and returns its sequence number. */
export function appendEntry(sqlite: Database.Database, op: AuditOperation, changes: RowChange[]): number {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const fields: EntryFields = {
    seq: (last?.seq ?? 0) + 1,
    at: op.at,
    personId: op.personId,
    personName: op.personName,
    keyFingerprint: op.signer?.fingerprint ?? op.keyFingerprint,
    operation: op.operation,
    rounds: roundsColumn([...op.rounds, ...roundsOf(sqlite, changes)]),
    summary: op.summary + changeCount(changes),
    input: canonicalJson(op.input),
    changesHash: changesHash(changes),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(fields);
  // A database migrated only part-way (by a test, or an older release's steps) has no signatures yet.
  const signed = hasSignatureColumn(sqlite);
  sqlite
    .prepare(
      `INSERT INTO audit_entries (seq, at, person_id, person_name, key_fingerprint, operation, rounds,
         summary, input, changes_hash, prev_hash, hash${signed ? ', signature' : ''})
       VALUES (@seq, @at, @personId, @personName, @keyFingerprint, @operation, @rounds,
         @summary, @input, @changesHash, @prevHash, @hash${signed ? ', @signature' : ''})`,
    )
    .run({
      ...fields,
      hash,
      ...(signed ? { signature: op.signer ? signEntryHash(op.signer, hash) : null } : {}),
    });
  const insert = sqlite.prepare(
    'INSERT INTO audit_changes (entry_seq, position, table_name, row_key, op, image) ' +
      'VALUES (?, ?, ?, ?, ?, ?)',
  );
  changes.forEach((c, i) => insert.run(fields.seq, i, c.table, c.key, c.op, c.image));
  return fields.seq;
}

function hasSignatureColumn(sqlite: Database.Database): boolean {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_entries')").pluck().all();
  return columns.includes('signature');
}

function changeCount(changes: RowChange[]): string {
  if (changes.length === 0) return '';
  const byTable = new Map<string, number>();
  for (const c of changes) byTable.set(c.table, (byTable.get(c.table) ?? 0) + 1);
  const parts = [...byTable].map(([table, n]) => `${table} ${n}`);
  return ` [${changes.length} row${changes.length === 1 ? '' : 's'} changed: ${parts.join(', ')}]`;
}

export const roundsColumn = (ids: number[]) => {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return unique.length === 0 ? '' : `,${unique.join(',')},`;
};

/** The rounds the changed rows belong to: a round row itself, a round_id column, or a bid's round. */
function roundsOf(sqlite: Database.Database, changes: RowChange[]): number[] {
  const bidRound = sqlite.prepare('SELECT round_id FROM bids WHERE id = ?').pluck();
  const lastImageOf = lastImageReader(sqlite);
  // An import changes thousands of rows of the same few bids: each bid's round is read once.
  const roundOfBid = new Map<number, unknown>();
  const ids: number[] = [];
  for (const c of changes) {
    const image = (c.image ?? lastImageOf(c.table, c.key) ?? null) as string | null;
    const row = image ? (JSON.parse(image) as Record<string, unknown>) : JSON.parse(c.key);
    if (c.table === 'rounds' && typeof row.id === 'number') ids.push(row.id);
    else if (typeof row.round_id === 'number') ids.push(row.round_id);
    else if (typeof row.bid_id === 'number') {
      if (!roundOfBid.has(row.bid_id)) roundOfBid.set(row.bid_id, bidRound.get(row.bid_id));
      const round = roundOfBid.get(row.bid_id);
      if (typeof round === 'number') ids.push(round);
    }
  }
  return ids;
}
