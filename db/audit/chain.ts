import type Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, sha256Hex } from './canonical';
import { signEntryHash, type EntrySigner } from './entry-signature';
import { groupBy } from '../group-by';
import { createHash } from 'node:crypto';
import {
  forgetDistinctNotes,
  insertSetChanges,
  isSetNote,
  keysForJs,
  takeDistinct,
  type PendingSet,
} from './set-record';
import {
  auditedTables,
  canonicalKey,
  canonicalKeySql,
  imagerOf,
  keyerOf,
  quoteId,
  rowReader,
  type AuditedTable,
} from './tables';

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
  // Every field is text or null, which canonicalJson writes as JSON.stringify does: the same text,
  // without walking a hundred thousand small arrays value by value.
  const plain = changes.every(
    (c) =>
      typeof c.table === 'string' &&
      typeof c.key === 'string' &&
      typeof c.op === 'string' &&
      (c.image === null || typeof c.image === 'string'),
  );
  const rows = changes.map((c) => [c.table, c.key, c.op, c.image]);
  return sha256Hex(plain ? JSON.stringify(rows) : canonicalJson(rows));
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

/**
 * The last image the chain holds of each of these rows of one table (null: recorded as deleted;
 * undefined: never recorded), in the keys' order: one statement per slice of keys, not per row.
 */
export function lastImagesOf(
  sqlite: Database.Database,
  table: string,
  keys: readonly string[],
): (string | null | undefined)[] {
  const statement = sqlite.prepare(
    `SELECT k.key AS position,
       (SELECT json_array(c.image) FROM audit_changes c WHERE c.table_name = ? AND c.row_key = k.value
        ORDER BY c.entry_seq DESC, c.position DESC LIMIT 1) AS last
     FROM json_each(?) AS k`,
  );
  const found: (string | null | undefined)[] = new Array<undefined>(keys.length).fill(undefined);
  for (let start = 0; start < keys.length; start += LAST_IMAGE_BATCH) {
    const slice = keys.slice(start, start + LAST_IMAGE_BATCH);
    for (const row of statement.iterate(table, JSON.stringify(slice)) as Iterable<{
      position: number;
      last: string | null;
    }>) {
      // Wrapped in an array, so that "recorded as deleted" (null) differs from "never recorded".
      if (row.last !== null) found[start + row.position] = (JSON.parse(row.last) as [string | null])[0];
    }
  }
  return found;
}

const LAST_IMAGE_BATCH = 5_000;

export const rowId = (table: string, key: string) => `${table}\u0000${key}`;

export interface RowDifference extends RowChange {
  /** The entry that last recorded the row, or null when the chain never has. */
  recordedIn: number | null;
  recordedImage: string | null;
}

/**
 * Every row whose content differs from the chain's last image of it, and every row gone since.
 * A table at a time, streamed: SQLite pairs each row with the chain's last image of it (an index
 * lookup inside one statement), so neither the table nor the chain is ever held in memory whole.
 */
export function differencesFromChain(sqlite: Database.Database, tables = auditedTables(sqlite)) {
  const differences: RowDifference[] = [];
  const deleted: RowDifference[] = [];
  for (const table of tables) {
    for (const d of changedRows(sqlite, table)) differences.push(d);
    for (const d of deletedRows(sqlite, table)) deleted.push(d);
  }
  for (const d of deleted) differences.push(d);
  return differences;
}

const LAST_OF_ROW = `SELECT json_array(c.image, c.entry_seq) FROM audit_changes c
  WHERE c.table_name = ? AND c.row_key = ? ORDER BY c.entry_seq DESC, c.position DESC LIMIT 1`;

function* changedRows(sqlite: Database.Database, table: AuditedTable): Generator<RowDifference> {
  const keySql = canonicalKeySql(table, 't');
  const select = table.keyColumns.includes('rowid') ? 't.rowid, t.*' : 't.*';
  // Beside each row, the image the chain last recorded of it: for the usual row, the same.
  const lastImage = `SELECT c.image FROM audit_changes c WHERE c.table_name = ? AND c.row_key = ${keySql}
    ORDER BY c.entry_seq DESC, c.position DESC LIMIT 1`;
  const rows = sqlite.prepare(
    `SELECT ${keySql} AS "__key", (${lastImage}) AS "__last", ${select} FROM main.${quoteId(table.name)} AS t`,
  );
  // For a row that differs (or whose key SQLite writes differently from canonicalJson): which entry.
  const lastOf = sqlite.prepare(LAST_OF_ROW).pluck();
  // Rows as arrays, imaged under names worked out once: no object built and spread for each row.
  const columns = rows
    .columns()
    .map((c) => c.name)
    .slice(2);
  const imageOfRow = imagerOf(columns, 2);
  const keyOf = keyerOf(table, columns, 2);
  for (const row of rows.raw().iterate(table.name) as Iterable<unknown[]>) {
    const [sqlKey, sqlLast] = row;
    const image = imageOfRow(row);
    const key = keyOf(row);
    if (key === sqlKey && sqlLast === image) continue;
    const lastJson = lastOf.get(table.name, key) as string | undefined;
    const last = lastJson ? (JSON.parse(lastJson) as [string | null, number]) : null;
    if (last?.[0] === image) continue;
    yield {
      table: table.name,
      key,
      op: last?.[0] ? 'update' : 'insert',
      image,
      recordedIn: last?.[1] ?? null,
      recordedImage: last?.[0] ?? null,
    };
  }
}

/**
 * Rows the chain last recorded as present that the table no longer holds: the chain's keys are
 * walked in its index, each looked up once in the table; only a key gone from the table has its
 * last image read (rows are rarely deleted).
 */
function* deletedRows(sqlite: Database.Database, table: AuditedTable): Generator<RowDifference> {
  const present = table.keyColumns
    .map((c) => `t.${quoteId(c)} = json_extract(c.row_key, '$."${c.replaceAll("'", "''")}"')`)
    .join(' AND ');
  const gone = sqlite.prepare(
    `SELECT c.row_key FROM (SELECT DISTINCT row_key FROM audit_changes WHERE table_name = ?) AS c
     WHERE NOT EXISTS (SELECT 1 FROM main.${quoteId(table.name)} AS t WHERE ${present})`,
  );
  const lastOf = sqlite.prepare(LAST_OF_ROW).pluck();
  for (const key of gone.pluck().iterate(table.name) as Iterable<string>) {
    const last = JSON.parse(lastOf.get(table.name, key) as string) as [string | null, number];
    if (last[0] === null) continue; // recorded as deleted: as it should be
    yield {
      table: table.name,
      key,
      op: 'delete',
      image: null,
      recordedIn: last[1],
      recordedImage: last[0],
    };
  }
}

/** What the capture triggers and set-based writes noted since the last entry. */
export interface Pending {
  /** Rows imaged here, each with its image now. */
  changes: RowChange[];
  /** Sets of rows SQLite images as it writes them into the chain (set-record.ts). */
  sets: PendingSet[];
}

/**
 * The changes noted by the capture triggers since the last entry, with each row as it now is. Set
 * based: the rows and the chain's last images of them are read a table at a time, in slices of
 * keys, never with a query per row (an import notes a hundred thousand). A set-based write's rows
 * are left to SQLite, but for those it cannot image, which join the others here.
 */
export function pendingChanges(sqlite: Database.Database): Pending {
  const pending = sqlite.prepare('SELECT table_name, row_key FROM audit_pending ORDER BY id').all() as {
    table_name: string;
    row_key: string;
  }[];
  if (pending.length === 0) return { changes: [], sets: [] };
  const tables = new Map(auditedTables(sqlite).map((t) => [t.name, t]));
  const sets: PendingSet[] = [];
  // Each row once, in the order first noted.
  const order: { table: string; key: string }[] = [];
  const done = new Set<string>();
  const keysOf = new Map<string, string[]>();
  const note = (tableName: string, rowKey: string) => {
    const key = canonicalKey(rowKey);
    const id = rowId(tableName, key);
    if (done.has(id)) return;
    done.add(id);
    order.push({ table: tableName, key });
    const keys = keysOf.get(tableName);
    if (keys) keys.push(key);
    else keysOf.set(tableName, [key]);
  };
  for (const p of pending) {
    // A table dropped since (a migration): its rows are recorded by the migration's entry.
    const table = tables.get(p.table_name);
    if (!table) continue;
    if (!isSetNote(p.row_key)) {
      note(p.table_name, p.row_key);
      continue;
    }
    const set: PendingSet = { table, keys: p.row_key, distinct: takeDistinct(p.row_key), plain: false };
    const forJs = keysForJs(sqlite, set);
    set.plain = forJs.length === 0;
    sets.push(set);
    for (const key of forJs) note(p.table_name, key);
  }
  const now = new Map<string, { image: string | null; before: string | null | undefined }>();
  for (const [name, keys] of keysOf) {
    const images = rowReader(sqlite, tables.get(name) as AuditedTable).images(keys);
    const befores = lastImagesOf(sqlite, name, keys);
    keys.forEach((key, i) => now.set(rowId(name, key), { image: images[i] ?? null, before: befores[i] }));
  }
  const changes: RowChange[] = [];
  for (const { table, key } of order) {
    const { image, before } = now.get(rowId(table, key)) ?? { image: null, before: undefined };
    if (image === (before ?? null)) continue; // unchanged, or created and removed within the write
    changes.push({ table, key, op: image === null ? 'delete' : before ? 'update' : 'insert', image });
  }
  return { changes, sets };
}

export function clearPending(sqlite: Database.Database): void {
  sqlite.prepare('DELETE FROM audit_pending').run();
  forgetDistinctNotes();
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

/**
 * Appends one entry recording `changes` and then the rows of `sets` (set-record.ts), links it to
 * the last, and returns its sequence number.
 */
export function appendEntry(
  sqlite: Database.Database,
  op: AuditOperation,
  changes: RowChange[],
  sets: readonly PendingSet[] = [],
): number {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const insert = sqlite.prepare(
    'INSERT INTO audit_changes (entry_seq, position, table_name, row_key, op, image) ' +
      'VALUES (?, ?, ?, ?, ?, ?)',
  );
  changes.forEach((c, i) => insert.run(seq, i, c.table, c.key, c.op, c.image));
  // The sets' rows follow, written by SQLite; counted by table for the summary, as the others are.
  const counts = countByTable(changes);
  let position = changes.length;
  const setRounds: number[] = [];
  for (const set of sets) {
    const { written, rounds } = insertSetChanges(sqlite, set, seq, position);
    position += written;
    setRounds.push(...rounds);
    if (written > 0) counts.set(set.table.name, (counts.get(set.table.name) ?? 0) + written);
  }
  const fields: EntryFields = {
    seq,
    at: op.at,
    personId: op.personId,
    personName: op.personName,
    keyFingerprint: op.signer?.fingerprint ?? op.keyFingerprint,
    operation: op.operation,
    rounds: roundsColumn([...op.rounds, ...roundsOf(sqlite, changes), ...setRounds]),
    summary: op.summary + changeCount(counts),
    input: canonicalJson(op.input),
    changesHash:
      position === changes.length ? changesHash(changes) : recordedChangesHash(sqlite, seq, position),
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
  return fields.seq;
}

/**
 * changesHash of the changes an entry holds, read back in order and hashed as they stream: the
 * same text as JSON.stringify of them all (every field is text or null, and SQLite's json_array
 * writes text as JSON.stringify does), a slice of positions at a time, never held whole.
 */
function recordedChangesHash(sqlite: Database.Database, seq: number, count: number): string {
  const hash = createHash('sha256');
  const slice = sqlite
    .prepare(
      `SELECT group_concat(json_array(table_name, row_key, op, image), ',' ORDER BY position)
       FROM audit_changes WHERE entry_seq = ? AND position >= ? AND position < ?`,
    )
    .pluck();
  hash.update('[');
  for (let start = 0; start < count; start += HASH_SLICE) {
    if (start > 0) hash.update(',');
    hash.update((slice.get(seq, start, start + HASH_SLICE) as string | null) ?? '');
  }
  hash.update(']');
  return hash.digest('hex');
}

const HASH_SLICE = 5_000;

function hasSignatureColumn(sqlite: Database.Database): boolean {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('audit_entries')").pluck().all();
  return columns.includes('signature');
}

function countByTable(changes: RowChange[]): Map<string, number> {
  const byTable = new Map<string, number>();
  for (const c of changes) byTable.set(c.table, (byTable.get(c.table) ?? 0) + 1);
  return byTable;
}

function changeCount(byTable: Map<string, number>): string {
  const total = [...byTable.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return '';
  const parts = [...byTable].map(([table, n]) => `${table} ${n}`);
  return ` [${total} row${total === 1 ? '' : 's'} changed: ${parts.join(', ')}]`;
}

export const roundsColumn = (ids: number[]) => {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return unique.length === 0 ? '' : `,${unique.join(',')},`;
};

/** The rounds the changed rows belong to: a round row itself, a round_id column, or a bid's round. */
function roundsOf(sqlite: Database.Database, changes: RowChange[]): number[] {
  // A deleted row is placed by its last image, read with the others of its table in one statement.
  const gone = new Map<string, string | null | undefined>();
  const goneKeys = groupBy(
    changes.filter((c) => c.image === null),
    (c) => c.table,
  );
  for (const [table, list] of goneKeys) {
    const keys = list.map((c) => c.key);
    lastImagesOf(sqlite, table, keys).forEach((image, i) => gone.set(rowId(table, keys[i] ?? ''), image));
  }
  const ids = new Set<number>();
  const bidIds = new Set<number>();
  for (const c of changes) {
    const image = (c.image ?? gone.get(rowId(c.table, c.key)) ?? null) as string | null;
    const row = image ? (JSON.parse(image) as Record<string, unknown>) : JSON.parse(c.key);
    if (c.table === 'rounds' && typeof row.id === 'number') ids.add(row.id);
    else if (typeof row.round_id === 'number') ids.add(row.round_id);
    else if (typeof row.bid_id === 'number') bidIds.add(row.bid_id);
  }
  // An import changes thousands of rows of many bids: their rounds are read together, in slices.
  const bidRounds = sqlite
    .prepare('SELECT DISTINCT b.round_id FROM json_each(?) AS k JOIN bids AS b ON b.id = k.value')
    .pluck();
  const all = [...bidIds];
  for (let start = 0; start < all.length; start += LAST_IMAGE_BATCH)
    for (const round of bidRounds.iterate(JSON.stringify(all.slice(start, start + LAST_IMAGE_BATCH))))
      if (typeof round === 'number') ids.add(round);
  return [...ids];
}
