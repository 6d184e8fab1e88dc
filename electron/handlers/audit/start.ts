import { hoursSinceDailyBackup, makeBackup } from '../../../db/backup';
import { damagedMessage } from '../../../db/connection';
import type { HandlerContext } from '../context';
import { checkAtStart } from './handlers';

// What the desktop app and the web bridge do with the record once it is open: verify it (the
// findings go to the log and, through audit:status, to a banner on every page), and keep a daily
// backup for as long as they run.

const HOUR = 3_600_000;

export interface RecordLog {
  /** Backups made and entries written: for the log. */
  info: (line: string) => void;
  /** Damage and failed checks: someone should act. */
  warn: (line: string) => void;
}

export function startRecordKeeping(
  ctx: HandlerContext,
  log: RecordLog = { info: console.log, warn: console.warn },
) {
  const { store } = ctx;
  for (const note of store.health.notes) log.info(`[tranche] ${note}`);
  if (store.health.readOnly) {
    log.warn(
      `[tranche] ${store.health.readOnlyReason ?? damagedMessage(store.file, store.health.goodBackup)}`,
    );
    checkAtStart(ctx);
    return { stop: () => undefined };
  }
  const report = checkAtStart(ctx);
  if (!report.ok) {
    log.warn(`[tranche] WARNING: the record does not verify (${report.problems.length} problem(s)):`);
    for (const problem of report.problems.slice(0, 20)) log.warn(`[tranche]   ${problem}`);
  }
  const dailyBackup = () => {
    if (store.file === ':memory:') return;
    const age = hoursSinceDailyBackup(store.file);
    if (age !== null && age < 24) return;
    try {
      log.info(`[tranche] Daily backup: ${makeBackup(store.sqlite, store.file, 'daily')}`);
    } catch (error) {
      log.warn(
        `[tranche] The daily backup failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  dailyBackup();
  const timer = setInterval(dailyBackup, HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
