import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext, type HandlerContext } from '../../electron/handlers/context';

export function tempDir(prefix = 'tranche-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function tempDbFile(): string {
  return path.join(tempDir(), 'tranche.db');
}

/** A migrated database on a temporary file, and a handler context over it with a fixed clock. */
export function testContext(
  file = tempDbFile(),
  actAs?: string,
): { ctx: HandlerContext; connection: Connection; file: string } {
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 10, 22, 9, 0, tick++)).toISOString();
  return { ctx: createContext(createStore(connection), '0.0.0-test', now, actAs), connection, file };
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * A copy of the migrations folder holding only the first `count` migrations, so a test can build
 * a database as an older release left it, fill it, then migrate it to the current schema.
 */
export function migrationsUpTo(count: number): string {
  const folder = tempDir('tranche-migrations-');
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const kept = journal.entries.slice(0, count);
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const entry of kept)
    cpSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

export function migrationCount(): number {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  return journal.entries.length;
}
