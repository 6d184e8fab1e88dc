import type Database from 'better-sqlite3';
import { appendEntry, clearPending, differencesFromChain, type AuditOperation } from './chain';
import { sealPending } from './recorder';
import { auditTablesPresent } from './tables';
import { captureBeforeWrites } from './capture-before-writes';
import { installGuardTriggers, missingGuardTriggers } from './triggers';

// What the open sequence does for the chain, once the schema is current: start the chain on a
// database that has none, re-record the rows a migration rewrote, seal any changes a stopped
// process left noted but unrecorded, then have the capture triggers installed before this
// connection's first write (capture-before-writes.ts).

const system = (operation: string, summary: string, at: string): AuditOperation => ({
  operation,
  at,
  personId: null,
  personName: null,
  keyFingerprint: null,
  input: null,
  summary,
  rounds: [],
});

export const EMPTIED =
  "The audit chain is empty, but people's keys are in the database: the chain was emptied, not begun";

/** How many people's keys the database holds (none before identities existed). */
export function heldKeys(sqlite: Database.Database): number {
  const table = sqlite.prepare(
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'person_keys'",
  );
  if (table.pluck().get() === 0) return 0;
  return sqlite.prepare('SELECT count(*) FROM person_keys').pluck().get() as number;
}

export function prepareAudit(
  sqlite: Database.Database,
  options: {
    migrated: string[];
    at: string;
    problemsBefore?: number;
    /** Runs before this connection first writes; throws to refuse the write (a damaged file). */
    beforeFirstWrite?: () => void;
  },
): string[] {
  if (!auditTablesPresent(sqlite)) return [];
  const beforeFirstWrite = options.beforeFirstWrite ?? (() => undefined);
  // Creating a guard trigger an insider dropped is a write of its own.
  if (missingGuardTriggers(sqlite).length > 0) {
    beforeFirstWrite();
    installGuardTriggers(sqlite);
  }
  const notes: string[] = [];
  // Most starts have nothing to record: then nothing is written, and a start never waits on (or
  // holds up) another Tranche writing to the same file.
  if (nothingToRecord(sqlite, options.migrated)) {
    captureBeforeWrites(sqlite, beforeFirstWrite);
    return notes;
  }
  beforeFirstWrite();
  sqlite
    .transaction(() => {
      const empty = sqlite.prepare('SELECT count(*) FROM audit_entries').pluck().get() === 0;
      // A chain is begun once, before anyone held a key (keys came after the chain). An empty chain
      // beside people's keys was emptied: beginning again would hide that, so verify reports it.
      if (empty && heldKeys(sqlite) > 0) {
        notes.push(EMPTIED);
      } else if (empty || options.migrated.length > 0) {
        clearPending(sqlite);
        const changes = differencesFromChain(sqlite).map(({ table, key, op, image }) => ({
          table,
          key,
          op,
          image,
        }));
        const op = empty
          ? system('audit:begin', 'The audit chain begins: every row recorded as it stood', options.at)
          : system(
              'db:migrate',
              `Schema migrated (${options.migrated.join(', ')}): rows re-recorded` +
                (options.problemsBefore
                  ? `; verify found ${options.problemsBefore} problem(s) before migrating`
                  : ''),
              options.at,
            );
        appendEntry(sqlite, op, changes);
        notes.push(op.summary);
      } else {
        const seq = sealPending(sqlite, () =>
          system(
            'audit:recovered',
            'Changes found unrecorded at start (the previous run stopped before recording them)',
            options.at,
          ),
        );
        if (seq !== null) notes.push(`Audit entry ${seq} records changes an interrupted run left unrecorded`);
      }
    })
    .immediate();
  captureBeforeWrites(sqlite, beforeFirstWrite);
  return notes;
}

/** A chain already begun, no migration just run, and no change left unrecorded by a stopped run. */
function nothingToRecord(sqlite: Database.Database, migrated: string[]): boolean {
  if (migrated.length > 0) return false;
  if (sqlite.prepare('SELECT count(*) FROM audit_entries').pluck().get() === 0) return false;
  return sqlite.prepare('SELECT count(*) FROM audit_pending').pluck().get() === 0;
}
