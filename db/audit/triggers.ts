import type Database from 'better-sqlite3';
import { auditedTables, keySql, quoteId } from './tables';
import { captureCondition, installQuietTable } from './set-record';

// Two kinds of trigger. Capture triggers are TEMP: they exist only on Tranche's own connections,
// so every change Tranche makes is noted in audit_pending inside the same transaction, while a
// change made with another tool is not (verify finds it by comparing rows with the chain).
// Guard triggers live in the file and refuse any UPDATE or DELETE on the chain, whoever asks.

const GUARDED = ['audit_entries', 'audit_changes'] as const;

export const guardTriggerName = (table: string, op: 'update' | 'delete') => `${table}_append_only_${op}`;

export function installGuardTriggers(sqlite: Database.Database): void {
  for (const table of GUARDED) {
    for (const op of ['update', 'delete'] as const) {
      sqlite.exec(
        `CREATE TRIGGER IF NOT EXISTS ${guardTriggerName(table, op)} BEFORE ${op.toUpperCase()} ON ${table}
         BEGIN SELECT RAISE(ABORT, 'The audit chain is append-only: ${table} cannot be changed'); END`,
      );
    }
  }
}

export function missingGuardTriggers(sqlite: Database.Database): string[] {
  const present = new Set(
    sqlite.prepare("SELECT name FROM main.sqlite_master WHERE type = 'trigger'").pluck().all() as string[],
  );
  return GUARDED.flatMap((table) =>
    (['update', 'delete'] as const).map((op) => guardTriggerName(table, op)),
  ).filter((name) => !present.has(name));
}

export function installCaptureTriggers(sqlite: Database.Database): void {
  // A set-based write names its tables here while it runs, and records its rows itself (set-record.ts).
  installQuietTable(sqlite);
  for (const table of auditedTables(sqlite)) {
    const on = `main.${quoteId(table.name)}`;
    const literal = `'${table.name.replaceAll("'", "''")}'`;
    const note = (row: 'NEW' | 'OLD') =>
      `INSERT INTO main.audit_pending (table_name, row_key) VALUES (${literal}, ${keySql(table, row)});`;
    const name = (op: string) => quoteId(`audit_capture_${table.name}_${op}`);
    const when = `WHEN ${captureCondition(table.name)}`;
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON ${on} ${when} BEGIN ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON ${on} ${when}
        BEGIN ${note('OLD')} ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON ${on} ${when} BEGIN ${note('OLD')} END;
    `);
  }
}
