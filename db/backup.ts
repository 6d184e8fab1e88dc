import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { auditTablesPresent } from './audit/tables';
import { verifyDatabase } from './audit/verify';

// Backups beside the database, in `backups/`: one before every migration, one at every signing,
// one a day while the app runs, and any asked for. The last 14 are kept, plus every signing's.
// Each is a consistent copy made with VACUUM INTO, which runs synchronously on the open
// connection (so it can be taken inside the open sequence and straight after a signing).

export type BackupReason = 'migration' | 'signing' | 'daily' | 'manual';
export const KEEP_BACKUPS = 14;

export function backupFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

const stamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '');
const stem = (databaseFile: string) => path.basename(databaseFile).replace(/\.[^.]*$/, '');

/** Copies the open database to `target` (which must not exist) atomically: a temporary file, renamed. */
export function copyDatabase(sqlite: Database.Database, target: string): void {
  const copy = startCopy(sqlite, target);
  try {
    sqlite.prepare('VACUUM INTO ?').run(copy.partial);
    renameSync(copy.partial, target);
    copy.done();
  } catch (error) {
    copy.abandon();
    throw error;
  }
}

/**
 * The same copy, made a step at a time so that a backup stopped part-way (Ctrl+C, or the process
 * told to end) removes its temporary file before it ends instead of leaving it behind.
 */
export async function copyDatabaseInSteps(sqlite: Database.Database, target: string): Promise<void> {
  const copy = startCopy(sqlite, target);
  const stop = (signal: NodeJS.Signals) => {
    copy.abandon();
    process.stderr.write(`tranche: the backup was stopped (${signal}); nothing was left behind\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.once(signal, stop);
  try {
    await sqlite.backup(copy.partial);
    renameSync(copy.partial, target);
    copy.done();
  } catch (error) {
    copy.abandon();
    throw error;
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }
}

/**
 * Starts a copy under a temporary name: hidden, beside the target, naming Tranche and the process,
 * and noted in the database's backups folder until it is done. A process killed outright (SIGKILL,
 * a power cut) cannot clean up after itself, so the next copy of that database, or its next open,
 * removes what a dead process noted (removeStoppedCopies); the next copy into the same folder also
 * removes any temporary file of Tranche's there whose process has ended.
 */
function startCopy(sqlite: Database.Database, target: string) {
  const databaseFile = sqlite.memory ? null : sqlite.name;
  if (databaseFile) bestEffort(() => removeStoppedCopies(databaseFile));
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const pid = partialPid(name);
    if (pid !== null && !processAlive(pid)) removePartial(path.join(dir, name));
  }
  const partial = path.join(dir, `.${path.basename(target)}.tranche-${process.pid}.partial`);
  removePartial(partial);
  // A database that cannot be written may sit in a folder that cannot either: it is still copied,
  // unnoted (the next copy into the same folder still finds what a killed one left there).
  const note = databaseFile ? underWayNote(databaseFile, process.pid) : null;
  const noted =
    note !== null &&
    bestEffort(() => {
      mkdirSync(path.dirname(note), { recursive: true });
      writeFileSync(note, JSON.stringify({ partial: path.resolve(partial), pid: process.pid }));
    });
  const forget = () => noted && bestEffort(() => rmSync(note, { force: true }));
  return {
    partial,
    done: forget,
    abandon: () => {
      removePartial(partial);
      forget();
    },
  };
}

/** Runs `act`, returning whether it worked: tidying up after a stopped copy never stops a new one. */
function bestEffort(act: () => unknown): boolean {
  try {
    act();
    return true;
  } catch {
    return false;
  }
}

/** The process id in the name of a temporary copy of Tranche's (`.NAME.tranche-PID.partial`), else null. */
function partialPid(name: string): number | null {
  const match = /^\..+\.tranche-(\d+)\.partial$/.exec(name);
  return match ? Number(match[1]) : null;
}

// One note per copy: a process may copy the same database twice at once (a daily backup beside
// one asked for), so each note carries the process id and a count within the process.
const UNDER_WAY = /^\.copy-under-way\.(\d+)(?:-\d+)?\.json$/;
let copiesStarted = 0;
const underWayNote = (databaseFile: string, pid: number) =>
  path.join(backupFolder(databaseFile), `.copy-under-way.${pid}-${++copiesStarted}.json`);

/**
 * Removes the temporary file of every copy of this database whose process ended before finishing
 * it (killed outright), as noted when the copy began, and returns the files removed. Only a file
 * the note names, under Tranche's temporary name for that same process, is ever removed.
 */
export function removeStoppedCopies(databaseFile: string): string[] {
  const folder = backupFolder(databaseFile);
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const pid = Number(UNDER_WAY.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || processAlive(pid)) continue;
    const note = path.join(folder, name);
    const partial = notedPartial(note);
    if (partial && partialPid(path.basename(partial)) === pid && existsSync(partial)) {
      removePartial(partial);
      removed.push(partial);
    }
    rmSync(note, { force: true });
  }
  return removed;
}

/** The temporary file a note names, or null when the note cannot be read. */
function notedPartial(note: string): string | null {
  try {
    const { partial } = JSON.parse(readFileSync(note, 'utf8')) as { partial?: unknown };
    return typeof partial === 'string' && path.isAbsolute(partial) ? partial : null;
  } catch {
    return null;
  }
}

function removePartial(partial: string): void {
  for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`])
    rmSync(file, { force: true });
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function makeBackup(
  sqlite: Database.Database,
  databaseFile: string,
  reason: BackupReason,
  now = new Date(),
): string {
  const folder = backupFolder(databaseFile);
  let target = path.join(folder, `${stem(databaseFile)}-${stamp(now)}-${reason}.db`);
  for (let n = 2; existsSync(target); n++)
    target = path.join(folder, `${stem(databaseFile)}-${stamp(now)}-${reason}-${n}.db`);
  copyDatabase(sqlite, target);
  pruneBackups(databaseFile);
  return target;
}

interface BackupFile {
  file: string;
  reason: string;
  modified: number;
}

/** This database's backups, newest first. */
export function listBackups(databaseFile: string): BackupFile[] {
  const folder = backupFolder(databaseFile);
  if (!existsSync(folder)) return [];
  const pattern = new RegExp(`^${escape(stem(databaseFile))}-(\\d{8}T\\d{9}Z)-([a-z]+)(?:-\\d+)?\\.db$`);
  return readdirSync(folder)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({
      file: path.join(folder, name),
      reason: match[2] ?? '',
      modified: statSync(path.join(folder, name)).mtimeMs,
      order: `${match[1]}${name}`,
    }))
    .sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0))
    .map(({ file, reason, modified }) => ({ file, reason, modified }));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function pruneBackups(databaseFile: string): void {
  const routine = listBackups(databaseFile).filter((b) => b.reason !== 'signing');
  for (const old of routine.slice(KEEP_BACKUPS)) rmSync(old.file, { force: true });
}

/** The newest daily backup's age in hours, or null when there is none. */
export function hoursSinceDailyBackup(databaseFile: string, now = Date.now()): number | null {
  const daily = listBackups(databaseFile).find((b) => b.reason === 'daily');
  return daily ? (now - daily.modified) / 3_600_000 : null;
}

export interface FileCheck {
  ok: boolean;
  problems: string[];
  /** The file predates the audit chain, so only its integrity could be checked. */
  withoutChain: boolean;
}

/** integrity_check and, where the file has one, the audit chain; the file is opened read-only. */
export function checkDatabaseFile(file: string): FileCheck {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = integrityProblems(sqlite);
    if (integrity.length > 0) return { ok: false, problems: integrity, withoutChain: false };
    if (!auditTablesPresent(sqlite)) return { ok: true, problems: [], withoutChain: true };
    const report = verifyDatabase(sqlite);
    return { ok: report.ok, problems: report.problems, withoutChain: false };
  } catch (error) {
    return {
      ok: false,
      problems: [`It cannot be read as a database: ${message(error)}`],
      withoutChain: false,
    };
  } finally {
    sqlite?.close();
  }
}

/** PRAGMA integrity_check's findings; empty when the file is sound. */
export function integrityProblems(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return integrityFindings(rows.map((r) => r.integrity_check));
}

/** integrity_check's rows as problems: every row but a lone "ok". */
export function integrityFindings(rows: string[]): string[] {
  return rows.filter((r) => r !== 'ok').map((r) => `integrity_check: ${r}`);
}

export function newestGoodBackup(databaseFile: string): string | null {
  for (const backup of listBackups(databaseFile)) {
    if (checkDatabaseFile(backup.file).ok) return backup.file;
  }
  return null;
}

export class RestoreRefused extends Error {}

/** The office database's id (office_identity), or null for a file from before offices had one. */
export function officeIdOf(file: string): string | null {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const present = sqlite
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'office_identity'")
      .pluck()
      .get();
    if (!present) return null;
    return (
      (sqlite.prepare('SELECT id FROM office_identity LIMIT 1').pluck().get() as string | undefined) ?? null
    );
  } finally {
    sqlite.close();
  }
}

/**
 * Checks `backup` may replace the database and copies it beside it, to be opened (and the restore
 * recorded in it) before `finishRestore` puts it in place. Refused, with nothing changed, unless it
 * passes integrity_check, its chain and every signature verify, and it is this office's own.
 */
export function stageRestore(
  databaseFile: string,
  backup: string,
): { staged: string; withoutChain: boolean } {
  if (!existsSync(backup)) throw new RestoreRefused(`There is no file ${backup}`);
  if (path.resolve(backup) === path.resolve(databaseFile))
    throw new RestoreRefused('That is the database itself, not a backup of it');
  const check = checkDatabaseFile(backup);
  if (!check.ok)
    throw new RestoreRefused(`${backup} was not restored: ${check.problems.slice(0, 3).join('; ')}`);
  if (existsSync(databaseFile)) {
    const ours = officeIdOf(databaseFile);
    const theirs = officeIdOf(backup);
    if (ours && theirs && ours !== theirs)
      throw new RestoreRefused(
        `${backup} is a backup of another office's database (office ${theirs}), not of this one ` +
          `(office ${ours}): it was not restored`,
      );
  }
  const staged = `${databaseFile}.restoring`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(staged + suffix, { force: true });
  copyFileSync(backup, staged);
  return { staged, withoutChain: check.withoutChain };
}

/** Drops a staged restore that was refused. */
export function abandonRestore(staged: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(staged + suffix, { force: true });
}

/** Puts the staged copy in place of the database, keeping the replaced file (and its WAL) beside it. */
export function finishRestore(databaseFile: string, staged: string, now = new Date()) {
  let replaced: string | null = null;
  if (existsSync(databaseFile)) {
    replaced = `${databaseFile}.replaced-${stamp(now)}`;
    renameSync(databaseFile, replaced);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, replaced + suffix);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });
  renameSync(staged, databaseFile);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(staged + suffix)) renameSync(staged + suffix, databaseFile + suffix);
  return { restored: databaseFile, replaced };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
