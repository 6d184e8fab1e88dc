import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

// The one place that opens the database. Everything else receives a Store (db/store.ts).

export type TrancheDb = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  migrationsFolder: string;
  /** Path of a better-sqlite3 binary built for another runtime (Electron in development). */
  nativeBinding?: string;
}

export interface Connection {
  db: TrancheDb;
  file: string;
  schemaVersion: () => string;
  close: () => void;
}

export function openDatabase(file: string, options: OpenOptions): Connection {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle(sqlite, { schema });
    runMigrations(sqlite, db, options.migrationsFolder);
    sqlite.pragma('foreign_keys = ON');
    return {
      db,
      file,
      schemaVersion: () => {
        const row = sqlite.prepare('SELECT count(*) AS applied FROM __drizzle_migrations').get() as {
          applied: number;
        };
        return String(row.applied);
      },
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

// drizzle-kit rebuilds tables with DROP TABLE inside the migration; with foreign keys on, that
// fires ON DELETE actions on child rows. Keys stay off while migrating and are checked after.
function runMigrations(sqlite: Database.Database, db: TrancheDb, migrationsFolder: string) {
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new Error(
      `The database has ${broken.length} broken reference(s) after migrating; it was not opened.`,
    );
  }
}
