import type Database from 'better-sqlite3';
import { auditedTables, canonicalKeySql, quoteId, type AuditedTable } from './tables';

// Set-based recording, for a write of tens of thousands of rows (a score import). The capture
// triggers pass over the tables the write names, and the write notes its rows instead as one
// audit_pending row holding every key (a JSON array where a trigger writes a JSON object). When
// the entry is sealed, each row is read and imaged by one INSERT … SELECT into a TEMP table, whose
// rowids then number the rows appended to audit_changes. The images are the text the sealer
// writes in JavaScript (SQLite's json_object writes every character of text and every integer as
// JSON.stringify does), so verify and the hash are unchanged. A row SQLite cannot image so (a
// real, a blob, a secret column, a row now gone) is handed to the usual sealing. The triggers
// pass over the tables only while the write runs, inside Tranche's own transaction; a row written
// then but not named is not in the chain, and verify reports it as changed outside Tranche.

/** Rows one set-based write changed: per table, each row's primary key, columns in key order. */
export type SetKeys = Record<string, readonly (readonly (number | string)[])[]>;

export const QUIET_TABLE = 'audit_quiet';

/** The condition a capture trigger on `table` fires under: no set-based write on it is running. */
export function captureCondition(table: string): string {
  const literal = `'${table.replaceAll("'", "''")}'`;
  return `NOT EXISTS (SELECT 1 FROM temp.${QUIET_TABLE} WHERE table_name = ${literal})`;
}

export function installQuietTable(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${QUIET_TABLE} (table_name TEXT PRIMARY KEY) WITHOUT ROWID`);
  sqlite.exec(STAGED_TABLE_SQL);
}

// A set's changed rows on their way into audit_changes: numbered by rowid as they are staged, so
// that their positions follow without a window function, and placed (round or bid) for the entry.
const STAGED_TABLE = 'audit_set_rows';
const STAGED_TABLE_SQL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGED_TABLE}
  (row_key TEXT NOT NULL, op TEXT NOT NULL, image TEXT NOT NULL, place INTEGER)`;

/**
 * Runs `write` (set-based statements on `tables`) with the capture triggers passing over those
 * tables, and notes the rows it returns for the entry this transaction seals. Inside a transaction.
 */
export function writeAsSet(sqlite: Database.Database, tables: readonly string[], write: () => SetKeys): void {
  if (!sqlite.inTransaction) throw new Error('A set-based write runs inside a transaction');
  const audited = new Map(auditedTables(sqlite).map((t) => [t.name, t]));
  const quiet = hasQuietTable(sqlite);
  // Without the capture triggers (a database from before the chain) there is nothing to pass over.
  if (!quiet) {
    write();
    return;
  }
  const hush = sqlite.prepare(`INSERT INTO temp.${QUIET_TABLE} (table_name) VALUES (?)`);
  for (const table of tables) {
    if (!audited.has(table)) throw new Error(`${table} is not an audited table`);
    hush.run(table);
  }
  let keys: SetKeys;
  try {
    keys = write();
  } finally {
    sqlite.prepare(`DELETE FROM temp.${QUIET_TABLE}`).run();
  }
  const note = sqlite.prepare('INSERT INTO main.audit_pending (table_name, row_key) VALUES (?, ?)');
  for (const [table, rows] of Object.entries(keys)) {
    if (!tables.includes(table)) throw new Error(`The write named ${table}, which it did not say it writes`);
    if (rows.length === 0) continue;
    const once = eachOnce(rows);
    const text = JSON.stringify(once ?? rows);
    if (once) distinctNotes.add(text);
    note.run(table, text);
  }
}

/**
 * Notes known to name each row once, by their text. Only keys of whole numbers are told apart
 * here (two different texts can name one row: 1 and "1", or "01", in an integer column); a set
 * not in this list is grouped by its rows' canonical keys when it is recorded, as before.
 */
const distinctNotes = new Set<string>();

/** The keys with repeats left out (the first kept), when every part of every key is a whole number. */
function eachOnce(rows: readonly (readonly (number | string)[])[]): (readonly (number | string)[])[] | null {
  const seen = new Set<string>();
  const once: (readonly (number | string)[])[] = [];
  for (const row of rows) {
    if (!row.every((part) => Number.isSafeInteger(part))) return null;
    const id = row.join(',');
    if (seen.has(id)) continue;
    seen.add(id);
    once.push(row);
  }
  return once;
}

/** Whether a noted set names each row once; forgotten once read (a note lives for one entry). */
export function takeDistinct(rowKey: string): boolean {
  return distinctNotes.delete(rowKey);
}

/** Forgets every note (when the pending notes are cleared): one left by a write rolled back too. */
export function forgetDistinctNotes(): void {
  distinctNotes.clear();
}

function hasQuietTable(sqlite: Database.Database): boolean {
  return (
    sqlite
      .prepare("SELECT count(*) FROM temp.sqlite_master WHERE type = 'table' AND name = ?")
      .pluck()
      .get(QUIET_TABLE) === 1
  );
}

/** An audit_pending row naming a set of rows (a JSON array of keys) rather than one (an object). */
export const isSetNote = (rowKey: string) => rowKey.startsWith('[');

export interface PendingSet {
  table: AuditedTable;
  /** The keys as noted: a JSON array of arrays, key columns in key order. */
  keys: string;
  /** Each row is named once (takeDistinct), so its rows need no grouping. */
  distinct: boolean;
  /** Every row is present and plain (keysForJs found none), so none needs checking again. */
  plain: boolean;
}

const SECRET_COLUMN = /passphrase|password|secret|private|sealed|salt/i;

/** Whether SQLite can write this table's images itself: plain column names and no secret column. */
function imagedInSql(table: AuditedTable): boolean {
  return (
    !table.keyColumns.includes('rowid') &&
    table.columns.every((c) => !SECRET_COLUMN.test(c) && !/^\d+$/.test(c)) &&
    new Set(table.columns).size === table.columns.length
  );
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The set's rows beside the table's: `k` the key, `t` the row (absent: every column null). */
function joined(table: AuditedTable): string {
  const on = table.keyColumns
    .map((c, i) => `t.${quoteId(c)} = json_extract(k.value, '$[${i}]')`)
    .join(' AND ');
  return `json_each(@keys) AS k LEFT JOIN main.${quoteId(table.name)} AS t ON ${on}`;
}

/** True (1) for a present row every value of which json_object writes as the sealer does. */
function plainRowSql(table: AuditedTable): string {
  const present = table.keyColumns.map((c) => `t.${quoteId(c)} IS NOT NULL`).join(' AND ');
  const plain = table.columns.map((c) => {
    const v = `t.${quoteId(c)}`;
    // Integers within JavaScript's exact range, text and null; a real or a blob is imaged in JS.
    return `(typeof(${v}) IN ('text', 'null') OR (typeof(${v}) = 'integer' AND abs(${v}) <= 9007199254740991))`;
  });
  return `(${present} AND ${plain.join(' AND ')})`;
}

function imageSql(table: AuditedTable): string {
  const sorted = [...table.columns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `json_object(${sorted.map((c) => `${literal(c)}, t.${quoteId(c)}`).join(', ')})`;
}

/** The set's keys (canonical JSON) whose rows the usual sealing must image: in the keys' order. */
export function keysForJs(sqlite: Database.Database, set: PendingSet): string[] {
  const pairs = set.table.keyColumns.map((c, i) => `${literal(c)}, json_extract(k.value, '$[${i}]')`);
  const keyObject = `json_object(${pairs.join(', ')})`;
  const where = imagedInSql(set.table) ? `WHERE NOT ${plainRowSql(set.table)}` : '';
  return sqlite
    .prepare(`SELECT ${keyObject} FROM ${joined(set.table)} ${where} ORDER BY k.key`)
    .pluck()
    .all({ keys: set.keys }) as string[];
}

/** Where a table's rows belong: a round row itself, a round_id column, or a bid's round. */
function placeOf(table: AuditedTable): { sql: string; kind: 'round' | 'bid' } | null {
  const columns = table.columns;
  if (table.name === 'rounds' && columns.includes('id')) return { sql: 't."id"', kind: 'round' };
  if (columns.includes('round_id')) return { sql: 't."round_id"', kind: 'round' };
  if (columns.includes('bid_id')) return { sql: 't."bid_id"', kind: 'bid' };
  return null;
}

/**
 * Writes the set's rows SQLite can image into audit_changes as entry `seq`, from `position` on,
 * each row once, leaving out a row whose image the chain already holds last. Returns how many,
 * and the rounds those rows belong to.
 */
export function insertSetChanges(
  sqlite: Database.Database,
  set: PendingSet,
  seq: number,
  position: number,
): { written: number; rounds: number[] } {
  if (!imagedInSql(set.table)) return { written: 0, rounds: [] };
  const key = canonicalKeySql(set.table, 't');
  const last = `(SELECT c.image FROM audit_changes AS c WHERE c.table_name = @table AND c.row_key = ${key}
    ORDER BY c.entry_seq DESC, c.position DESC LIMIT 1)`;
  const place = placeOf(set.table);
  // A set known to name each row once, every row plain, is neither checked nor grouped again, nor
  // sorted: its rows come in the order of its keys (json_each's, the outer side of a LEFT JOIN).
  const rows = `SELECT ${set.distinct ? 'k.key' : 'min(k.key)'} AS at, ${key} AS row_key,
      ${imageSql(set.table)} AS image, ${last} AS before, ${place?.sql ?? 'NULL'} AS place
    FROM ${joined(set.table)} ${set.plain ? '' : `WHERE ${plainRowSql(set.table)}`}
    ${set.distinct ? '' : 'GROUP BY row_key'}`;
  sqlite.exec(`${STAGED_TABLE_SQL}; DELETE FROM temp.${STAGED_TABLE}`);
  try {
    sqlite
      .prepare(
        `INSERT INTO temp.${STAGED_TABLE} (row_key, op, image, place)
         SELECT row_key, CASE WHEN before IS NULL THEN 'insert' ELSE 'update' END, image, place
         FROM (${rows}) WHERE before IS NULL OR before <> image ${set.distinct ? '' : 'ORDER BY at'}`,
      )
      .run({ keys: set.keys, table: set.table.name });
    const first = sqlite.prepare(`SELECT min(rowid) FROM temp.${STAGED_TABLE}`).pluck().get() as
      number | null;
    if (first === null) return { written: 0, rounds: [] };
    const written = sqlite
      .prepare(
        `INSERT INTO audit_changes (entry_seq, position, table_name, row_key, op, image)
         SELECT @seq, @position + rowid - @first, @table, row_key, op, image
         FROM temp.${STAGED_TABLE} ORDER BY rowid`,
      )
      .run({ seq, position, first, table: set.table.name }).changes;
    const placed = `SELECT DISTINCT place FROM temp.${STAGED_TABLE} WHERE place IS NOT NULL`;
    const rounds = !place
      ? []
      : (sqlite
          .prepare(
            place.kind === 'round'
              ? placed
              : // Each bid once, then its round: not a look-up in bids for every row of the set.
                `SELECT DISTINCT b.round_id FROM main.bids AS b WHERE b.id IN (${placed})`,
          )
          .pluck()
          .all() as unknown[]);
    return { written, rounds: rounds.filter((id): id is number => typeof id === 'number') };
  } finally {
    sqlite.exec(`DELETE FROM temp.${STAGED_TABLE}`);
  }
}
