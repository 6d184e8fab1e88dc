import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { prepareAudit } from './audit/startup';
import { auditTablesPresent } from './audit/tables';
import { verifyDatabase } from './audit/verify';
import {
  integrityFindings,
  integrityProblems,
  makeBackup,
  newestGoodBackup,
  removeStoppedCopies,
} from './backup';
import { checkIntegrityAlongside, type IntegrityAlongside } from './integrity-alongside';
import { newerSchemaReason, openFileReadOnly, unwritableReason } from './store-states';

// The one place that opens the database. Everything else receives a Store (db/store.ts).

// Without drizzle's schema argument: no query uses its relational API (`db.query`), and working out
// the relational config of every table costs each start a few milliseconds, on both connections.
export type TrancheDb = BetterSQLite3Database;

export interface OpenOptions {
  migrationsFolder: string;
  /**
   * A file at least this large has its integrity check run on a thread of its own while the caller
   * works (db/integrity-alongside.ts), not before the open returns: the command line's choice, where
   * the check at 20,000 bids took longer than most commands. Its first write, and anything that
   * reads the file's health, waits for the check. Unset: the check comes first (the app, once a start).
   */
  checkAlongsideFromBytes?: number;
}

/** How the file was found at open. */
export interface DatabaseHealth {
  /**
   * True when the file is open read-only and every write is refused: integrity_check failed, the
   * file cannot be written, or a newer Tranche wrote it.
   */
  readOnly: boolean;
  /** Why it is open read-only, in one line (null when it is not). */
  readOnlyReason: string | null;
  /** What integrity_check reported, when it failed. */
  damage: string[];
  /** The newest backup that passes integrity_check and verifies, offered when the file is damaged. */
  goodBackup: string | null;
  /** Backups made and chain entries written while opening, for the log. */
  notes: string[];
  /**
   * True when integrity_check runs beside the caller's work (OpenOptions.checkAlongsideFromBytes):
   * reading readOnly, readOnlyReason, damage or goodBackup then waits for it.
   */
  checkedAlongside?: true;
}

export interface Connection {
  db: TrancheDb;
  /** The raw better-sqlite3 handle, for the audit chain, verify and backups. */
  sqlite: Database.Database;
  /**
   * A second connection to the same file, opened read-only, for the read channels: a read cannot
   * write, whatever it runs. (The writing connection itself where the file is open read-only.)
   */
  reader: { db: TrancheDb; sqlite: Database.Database };
  file: string;
  health: DatabaseHealth;
  schemaVersion: () => string;
  close: () => void;
}

/**
 * How long a connection waits for another Tranche (the app, web mode, a command) to finish
 * writing before it gives up. TRANCHE_BUSY_TIMEOUT_MS shortens it for tests of the refusal.
 */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.TRANCHE_BUSY_TIMEOUT_MS || Number.NaN);
  return Number.isInteger(given) && given >= 0 ? given : 30_000;
}

export function openDatabase(file: string, options: OpenOptions): Connection {
  if (file !== ':memory:' && !existsSync(path.dirname(file)))
    mkdirSync(path.dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file) && statSync(file).size > 0;
  const unwritable = existed ? unwritableReason(file) : null;
  if (unwritable) return openReadOnly(file, { reason: unwritable });
  const sqlite = new Database(file);
  const large =
    existed && statSync(file).size >= (options.checkAlongsideFromBytes ?? Number.POSITIVE_INFINITY);
  let damage: string[];
  try {
    damage = existed && !large ? integrityProblems(sqlite) : [];
  } catch (error) {
    sqlite.close();
    throw damagedBeyondReading(file, error);
  }
  if (damage.length > 0) {
    sqlite.close();
    return openReadOnly(file, { damage });
  }
  // A newer Tranche's file is left exactly as it is: opened again read-only, before anything writes.
  const newer = existed ? newerSchemaReason(sqlite, file, options.migrationsFolder) : null;
  if (newer) {
    sqlite.close();
    return openReadOnly(file, { reason: newer });
  }
  // Started once nothing before it can throw: from here every way out stops it or hands it on.
  const alongside = large ? checkIntegrityAlongside(file) : null;
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    // Every commit reaches the disk before it is reported done: the record is evidence.
    sqlite.pragma('synchronous = FULL');
    const db = drizzle(sqlite);
    const notes: string[] = stoppedCopiesRemoved(file);
    const pending = pendingMigrations(sqlite, options.migrationsFolder);
    // Migrating writes at once: a file to migrate has its check finished first, as it always did.
    const found = alongside && pending.length > 0 ? findingsOf(alongside.answer()) : [];
    if (found.length > 0) {
      sqlite.close();
      return openReadOnly(file, { damage: found });
    }
    const health = alongside && pending.length === 0 ? healthAlongside(file, alongside, notes) : null;
    let problemsBefore = 0;
    if (existed && pending.length > 0 && hasTables(sqlite)) {
      notes.push(`Backed up to ${makeBackup(sqlite, file, 'migration')} before migrating`);
      if (auditTablesPresent(sqlite)) problemsBefore = verifyDatabase(sqlite).problems.length;
    }
    // Nothing pending (every start but the first after an update): no migration files read and no
    // foreign-key scan of the whole file, which at 20,000 bids costs more than most commands.
    if (pending.length > 0) runMigrations(sqlite, db, options.migrationsFolder);
    sqlite.pragma('foreign_keys = ON');
    const beforeFirstWrite = health ? () => refuseWhenDamaged(health) : undefined;
    const at = new Date().toISOString();
    notes.push(...prepareAudit(sqlite, { migrated: pending, at, problemsBefore, beforeFirstWrite }));
    const reader = openReader(file, sqlite);
    return {
      db,
      sqlite,
      reader: { db: reader === sqlite ? db : drizzle(reader), sqlite: reader },
      file,
      health: health ?? { readOnly: false, readOnlyReason: null, damage: [], goodBackup: null, notes },
      schemaVersion: () => schemaVersion(sqlite),
      close: () => {
        alongside?.stop();
        if (reader !== sqlite) reader.close();
        sqlite.close();
      },
    };
  } catch (error) {
    alongside?.stop();
    sqlite.close();
    throw error;
  }
}

/** A write to a file whose check found damage, refused as a file opened read-only refuses it. */
export class DamagedDatabase extends Error {
  readonly code = 'TRANCHE_DAMAGED';
}

function refuseWhenDamaged(health: DatabaseHealth): void {
  if (health.readOnly) throw new DamagedDatabase(health.readOnlyReason ?? 'The database is damaged');
}

function findingsOf(answer: ReturnType<IntegrityAlongside['answer']>): string[] {
  return 'rows' in answer
    ? integrityFindings(answer.rows)
    : [`integrity_check could not finish: ${answer.error}`];
}

/** The health of a file whose check runs alongside: each part waits for the check when first read. */
function healthAlongside(file: string, check: IntegrityAlongside, notes: string[]): DatabaseHealth {
  let found: string[] | undefined;
  let backup: string | null | undefined;
  const damage = () => (found ??= findingsOf(check.answer()));
  const goodBackup = () => (backup ??= damage().length > 0 ? newestGoodBackup(file) : null);
  return {
    get readOnly() {
      return damage().length > 0;
    },
    get readOnlyReason() {
      return damage().length > 0 ? damagedMessage(file, goodBackup()) : null;
    },
    get damage() {
      return damage();
    },
    get goodBackup() {
      return goodBackup();
    },
    notes,
    checkedAlongside: true,
  };
}

/** Removes what a backup of this file killed outright left (db/backup.ts), saying so for the log. */
function stoppedCopiesRemoved(file: string): string[] {
  if (file === ':memory:') return [];
  try {
    return removeStoppedCopies(file).map(
      (partial) => `Removed ${partial}, the temporary file of a backup that was stopped before it finished`,
    );
  } catch (error) {
    return [
      `Could not remove what a stopped backup left: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
}

/**
 * The read-only connection beside the writing one. An in-memory database has no file to open
 * twice, so there the reads share the writing connection (only tests use one).
 */
function openReader(file: string, writer: Database.Database): Database.Database {
  if (file === ':memory:') return writer;
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  reader.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  return reader;
}

function schemaVersion(sqlite: Database.Database): string {
  const row = sqlite.prepare('SELECT count(*) AS applied FROM __drizzle_migrations').get() as {
    applied: number;
  };
  return String(row.applied);
}

/**
 * A damaged file, one that cannot be written, or a newer Tranche's is opened read-only and
 * unmigrated, so it can still be read, verified and copied.
 */
function openReadOnly(file: string, why: { damage: string[] } | { reason: string }): Connection {
  const damage = 'damage' in why ? why.damage : [];
  const goodBackup = damage.length > 0 ? newestGoodBackup(file) : null;
  let sqlite: Database.Database;
  let release: () => void;
  try {
    ({ sqlite, release } = openFileReadOnly(file));
  } catch (error) {
    throw damagedBeyondReading(file, error, goodBackup);
  }
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  const db = drizzle(sqlite);
  return {
    db,
    sqlite,
    reader: { db, sqlite },
    file,
    health: {
      readOnly: true,
      readOnlyReason: 'reason' in why ? why.reason : damagedMessage(file, goodBackup),
      damage,
      goodBackup,
      notes: [],
    },
    schemaVersion: () => schemaVersion(sqlite),
    close: () => {
      sqlite.close();
      release();
    },
  };
}

export function damagedMessage(file: string, goodBackup: string | null): string {
  return (
    `The database ${file} is damaged and is open read-only: nothing can be changed. ` +
    (goodBackup
      ? `The newest good backup is ${goodBackup}; restore it with: tranche restore "${goodBackup}"`
      : 'No good backup was found beside it.')
  );
}

function damagedBeyondReading(file: string, error: unknown, goodBackup = newestGoodBackup(file)): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `The database ${file} is damaged and cannot be read (${reason}). ` +
      (goodBackup
        ? `The newest good backup is ${goodBackup}; restore it with: tranche restore "${goodBackup}"`
        : 'No good backup was found beside it.'),
  );
}

function hasTables(sqlite: Database.Database): boolean {
  return (
    (sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number) > 0
  );
}

/** Tags of the migrations in the folder not yet applied to this file. */
function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): string[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const hasLog =
    sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'").pluck().get() ===
    1;
  const applied = hasLog
    ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number)
    : 0;
  return journal.entries.slice(applied).map((e) => e.tag);
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
