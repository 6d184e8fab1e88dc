import Database from 'better-sqlite3';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The states of a database file that mean Tranche may read it but must not write it: a file, folder
// or disk that cannot be written, or a schema from a newer Tranche. Each is said in one line.

/** Why the file (or the folder its journal goes in) cannot be written, or null when it can. */
export function unwritableReason(file: string): string | null {
  const targets: [string, string][] = [
    [file, 'the file is read-only'],
    [path.dirname(file), 'its folder is read-only'],
  ];
  for (const [target, what] of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const said = code === 'EROFS' ? 'the disk it is on is mounted read-only' : what;
      return (
        `The database ${file} cannot be written (${said}), so Tranche has opened it read-only: ` +
        'it can be read and verified, but nothing can be changed'
      );
    }
  }
  return null;
}

/** How many migrations this build of Tranche knows (its schema version). */
export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** The line for a file whose schema is newer than this build's, or null when it is not. */
export function newerSchemaReason(
  sqlite: Database.Database,
  file: string,
  migrationsFolder: string,
): string | null {
  const logged =
    sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'").pluck().get() ===
    1;
  if (!logged) return null;
  const applied = sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
  const known = knownSchemaVersion(migrationsFolder);
  if (applied <= known) return null;
  return (
    `The database ${file} was written by a newer Tranche (schema version ${applied}; this Tranche knows ` +
    `up to ${known}), so it is open read-only and will not be changed: update Tranche to work on it`
  );
}

/**
 * Opens the file read-only. SQLite cannot open a write-ahead-logged file read-only where it may not
 * create the log's index beside it (a read-only folder or disk); then a private copy of the file
 * and its log, taken now, is read instead, and removed at close.
 */
export function openFileReadOnly(file: string): { sqlite: Database.Database; release: () => void } {
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return { sqlite, release: () => undefined };
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CANTOPEN') throw error;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tranche-read-only-'));
  const copy = path.join(dir, path.basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  try {
    // Opened writable only so SQLite can fold the copied log in; nothing of the original is touched.
    new Database(copy).close();
    const sqlite = new Database(copy, { readonly: true, fileMustExist: true });
    return { sqlite, release: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
