import type Database from 'better-sqlite3';
import { auditedTables, canonicalKeySql, quoteId, type AuditedTable } from './tables';

// Set-based recording, for a write of tens of thousands of rows (a score import). The capture
// triggers pass over the tables the write names, and the write notes its rows instead as one
// audit_pending row holding every key (a JSON array where a trigger writes a JSON object). When
// the entry is sealed, each row is read, imaged and written into audit_changes by one INSERT …
// SELECT, with the image text the sealer writes in JavaScript (SQLite's json_object writes every
// character of text and every integer as JSON.stringify does), so verify and the hash are
// unchanged. A row SQLite cannot image so (a real, a blob, a secret column, a row now gone) is
// handed to the usual sealing. The triggers pass over the tables only while the write runs,
// inside Tranche's own transaction; a row written then but not named is not in the chain, and
// verify reports it as changed outside Tranche.

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
}

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
    if (rows.length > 0) note.run(table, JSON.stringify(rows));
  }
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

/**
 * Writes the set's rows SQLite can image into audit_changes as entry `seq`, from `position` on,
 * each row once, leaving out a row whose image the chain already holds last. Returns how many.
 */
export function insertSetChanges(sqlite: Database.Database, set: PendingSet, seq: number, position: number) {
  if (!imagedInSql(set.table)) return 0;
  const key = canonicalKeySql(set.table, 't');
  const last = `(SELECT c.image FROM audit_changes AS c WHERE c.table_name = @table AND c.row_key = ${key}
    ORDER BY c.entry_seq DESC, c.position DESC LIMIT 1)`;
  const rows = `SELECT min(k.key) AS at, ${key} AS row_key, ${imageSql(set.table)} AS image,
      ${last} AS before
    FROM ${joined(set.table)} WHERE ${plainRowSql(set.table)} GROUP BY row_key`;
  const result = sqlite
    .prepare(
      `INSERT INTO audit_changes (entry_seq, position, table_name, row_key, op, image)
       SELECT @seq, @position - 1 + row_number() OVER (ORDER BY at), @table, row_key,
         CASE WHEN before IS NULL THEN 'insert' ELSE 'update' END, image
       FROM (${rows}) WHERE before IS NULL OR before <> image ORDER BY at`,
    )
    .run({ keys: set.keys, seq, position, table: set.table.name });
  return result.changes;
}

/** The rounds the set's rows belong to: a round row itself, a round_id column, or a bid's round. */
export function setRounds(sqlite: Database.Database, set: PendingSet): number[] {
  const columns = set.table.columns;
  const from = joined(set.table);
  const sql =
    set.table.name === 'rounds' && columns.includes('id')
      ? `SELECT DISTINCT t."id" FROM ${from}`
      : columns.includes('round_id')
        ? `SELECT DISTINCT t."round_id" FROM ${from}`
        : columns.includes('bid_id')
          ? // Each bid once, then its round: not a look-up in bids for every row of the set.
            `SELECT DISTINCT b.round_id FROM main.bids AS b WHERE b.id IN (SELECT t."bid_id" FROM ${from})`
          : null;
  if (!sql) return [];
  const ids = sqlite.prepare(sql).pluck().all({ keys: set.keys });
  return ids.filter((id): id is number => typeof id === 'number');
}
