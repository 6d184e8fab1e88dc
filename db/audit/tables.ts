import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from './canonical';

// Which tables the audit chain covers, and how one of their rows is named and imaged. Worked out
// from the database itself at every open, so a table another migration adds is covered too.

export interface AuditedTable {
  name: string;
  /** Primary-key columns in key order; `rowid` for a table without one. */
  keyColumns: string[];
  columns: string[];
}

const NOT_AUDITED = new Set(['__drizzle_migrations', 'audit_entries', 'audit_changes', 'audit_pending']);

export const AUDIT_TABLES_PRESENT_SQL =
  "SELECT count(*) FROM sqlite_master WHERE type = 'table' " +
  "AND name IN ('audit_entries', 'audit_changes', 'audit_pending')";

export function auditTablesPresent(sqlite: Database.Database): boolean {
  return (sqlite.prepare(AUDIT_TABLES_PRESENT_SQL).pluck().get() as number) === 3;
}

export function auditedTables(sqlite: Database.Database): AuditedTable[] {
  const all = sqlite
    .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  // Full-text indexes are derived from other tables; their shadow tables are named after them.
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return all
    .filter(
      (t) =>
        !t.name.startsWith('sqlite_') &&
        !NOT_AUDITED.has(t.name) &&
        !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)),
    )
    .map((t) => {
      const info = sqlite.prepare(`PRAGMA main.table_info(${quoteId(t.name)})`).all() as {
        name: string;
        pk: number;
      }[];
      const keyColumns = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      return {
        name: t.name,
        keyColumns: keyColumns.length > 0 ? keyColumns : ['rowid'],
        columns: info.map((c) => c.name),
      };
    });
}

export function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** SQL giving a row's key as JSON, from the trigger's NEW or OLD row. */
export function keySql(table: AuditedTable, row: 'NEW' | 'OLD'): string {
  const pairs = table.keyColumns.map((c) => `'${c.replaceAll("'", "''")}', ${row}.${quoteId(c)}`);
  return `json_object(${pairs.join(', ')})`;
}

// Columns that may hold a secret (a sealed private key, a passphrase's hash or salt) are imaged
// as their SHA-256: the chain still notices any change to them without keeping a copy.
const SECRET_COLUMN = /passphrase|password|secret|private|sealed|salt/i;

const secretColumn = new Map<string, boolean>();
const isSecret = (column: string) => {
  let secret = secretColumn.get(column);
  if (secret === undefined) secretColumn.set(column, (secret = SECRET_COLUMN.test(column)));
  return secret;
};

/**
 * A row's canonical image: canonicalJson of the row with its secret columns hashed, written
 * straight out column by column (a verify images every row of the file, so this runs a million
 * times). Anything but plain names and values takes canonicalJson's own path, to the same text.
 */
export function imageOf(row: Record<string, unknown>): string {
  const columns = Object.keys(row).sort();
  const parts: string[] = [];
  for (const column of columns) {
    if (/^\d+$/.test(column)) return slowImageOf(row); // a numeric name reorders a JS object's keys
    const text = valueText(row[column], isSecret(column));
    if (text !== undefined) parts.push(`${JSON.stringify(column)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** One value as the image writes it; undefined for a value the image leaves out. */
function valueText(value: unknown, secret: boolean): string | undefined {
  if (value === null) return 'null';
  if (secret) return `{"sha256":"${sha256Hex(Buffer.isBuffer(value) ? value : String(value))}"}`;
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  if (value === undefined) return undefined;
  return canonicalJson(value);
}

/**
 * imageOf for rows read as arrays of values (better-sqlite3's raw mode) holding these columns from
 * `offset` on: the same text, with the columns' order and names worked out once rather than once a
 * row (verify images every row of the file).
 */
export function imagerOf(columns: readonly string[], offset = 0): (values: readonly unknown[]) => string {
  const asRow = (values: readonly unknown[]) =>
    Object.fromEntries(columns.map((c, i) => [c, values[offset + i]]));
  // A numeric or repeated name: imageOf's own path, on the row as an object would hold it.
  if (columns.some((c) => /^\d+$/.test(c)) || new Set(columns).size !== columns.length)
    return (values) => imageOf(asRow(values));
  const order = columns
    .map((name, index) => ({
      name,
      index: offset + index,
      prefix: `${JSON.stringify(name)}:`,
      secret: isSecret(name),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (values) => {
    const parts: string[] = [];
    for (const column of order) {
      const text = valueText(values[column.index], column.secret);
      if (text !== undefined) parts.push(column.prefix + text);
    }
    return `{${parts.join(',')}}`;
  };
}

function slowImageOf(row: Record<string, unknown>): string {
  const shown: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    shown[column] =
      SECRET_COLUMN.test(column) && value !== null
        ? { sha256: sha256Hex(Buffer.isBuffer(value) ? value : String(value)) }
        : value;
  }
  return canonicalJson(shown);
}

/** How many keys one statement reads at a time: large enough to be few, small enough to stay small. */
const BATCH = 5_000;

/** Reads rows of one table, by key or all of them, as canonical images. */
export function rowReader(sqlite: Database.Database, table: AuditedTable) {
  const where = table.keyColumns.map((c) => `${quoteId(c)} IS ?`).join(' AND ');
  const select = table.keyColumns.includes('rowid') ? 'rowid, *' : '*';
  const one = sqlite.prepare(`SELECT ${select} FROM main.${quoteId(table.name)} WHERE ${where}`);
  const every = sqlite.prepare(`SELECT ${select} FROM main.${quoteId(table.name)}`);
  const keyOf = (row: Record<string, unknown>) =>
    canonicalJson(Object.fromEntries(table.keyColumns.map((c) => [c, row[c]])));
  // Many keys in one statement: the keys go in as one JSON array, joined to the table by its key.
  const jsonPath = (c: string) => `'$."${c.replaceAll("'", "''").replaceAll('"', '\\"')}"'`;
  const many = sqlite.prepare(
    `SELECT k.key AS "__index", ${table.keyColumns.includes('rowid') ? 't.rowid, ' : ''}t.*
     FROM json_each(?) AS k JOIN main.${quoteId(table.name)} AS t
       ON ${table.keyColumns.map((c) => `t.${quoteId(c)} = json_extract(k.value, ${jsonPath(c)})`).join(' AND ')}`,
  );
  return {
    /**
     * The canonical images of the rows with these keys (canonical JSON), in the keys' order, null
     * for a row that is absent: one statement for a slice of keys, never one per row.
     */
    images(rowKeys: readonly string[]): (string | null)[] {
      const found: (string | null)[] = new Array<string | null>(rowKeys.length).fill(null);
      for (let start = 0; start < rowKeys.length; start += BATCH) {
        const slice = rowKeys.slice(start, start + BATCH);
        for (const row of many.iterate(`[${slice.join(',')}]`) as Iterable<Record<string, unknown>>) {
          const { __index: index, ...columns } = row;
          found[start + Number(index)] = imageOf(columns);
        }
      }
      return found;
    },
    /** The canonical image of the row with this key (canonical JSON), or null when absent. */
    image(rowKey: string): string | null {
      const key = JSON.parse(rowKey) as Record<string, unknown>;
      const row = one.get(...table.keyColumns.map((c) => key[c] ?? null)) as
        Record<string, unknown> | undefined;
      return row ? imageOf(row) : null;
    },
    *all(): Generator<{ key: string; image: string }> {
      for (const row of every.iterate() as Iterable<Record<string, unknown>>) {
        yield { key: keyOf(row), image: imageOf(row) };
      }
    },
  };
}

/** A row's key in canonical form, from its key columns. */
export function keyOfRow(table: AuditedTable, row: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const column of [...table.keyColumns].sort()) {
    const value = row[column];
    const plain = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    // Written straight out for plain names and values; anything else as canonicalJson writes it.
    if (!plain || /^\d+$/.test(column))
      return canonicalJson(Object.fromEntries(table.keyColumns.map((c) => [c, row[c]])));
    parts.push(`${JSON.stringify(column)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** keyOfRow for rows read as arrays of values, these columns from `offset` on (imagerOf's way). */
export function keyerOf(
  table: AuditedTable,
  columns: readonly string[],
  offset = 0,
): (values: readonly unknown[]) => string {
  const asRow = (values: readonly unknown[]) =>
    Object.fromEntries(columns.map((c, i) => [c, values[offset + i]]));
  const keys = [...table.keyColumns].sort().map((name) => ({ at: columns.lastIndexOf(name), name }));
  if (keys.some((k) => k.at < 0 || /^\d+$/.test(k.name))) return (values) => keyOfRow(table, asRow(values));
  const prefixes = keys.map((k) => `${JSON.stringify(k.name)}:`);
  return (values) => {
    const parts: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const value = values[offset + keys[i]!.at];
      const plain = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
      if (!plain) return keyOfRow(table, asRow(values));
      parts.push(prefixes[i] + JSON.stringify(value));
    }
    return `{${parts.join(',')}}`;
  };
}

/**
 * SQL giving the key of the table's row `alias` as canonical JSON where SQLite can (whole-number and
 * plain text keys: columns in code-point order, as canonicalJson writes them). A caller compares
 * it with keyOfRow and treats a row where they differ on its own.
 */
export function canonicalKeySql(table: AuditedTable, alias: string): string {
  const pairs = [...table.keyColumns]
    .sort()
    .map((c) => `'${c.replaceAll("'", "''")}', ${alias}.${quoteId(c)}`);
  return `json_object(${pairs.join(', ')})`;
}

/** The key a trigger wrote (SQLite's json_object) in canonical form. */
export function canonicalKey(rowKey: string): string {
  return canonicalJson(JSON.parse(rowKey));
}
