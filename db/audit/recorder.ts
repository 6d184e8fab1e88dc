import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { appendEntry, clearPending, pendingChanges, type AuditOperation } from './chain';

// Which operation is running, carried across the handler's awaits, so that a transaction ending
// anywhere inside it seals its changes under that operation's name, even when the app runs
// several operations at once.

interface ActiveOperation {
  describe: () => AuditOperation;
  entries: number[];
}

const active = new AsyncLocalStorage<ActiveOperation>();

export function runAudited<T>(
  describe: () => AuditOperation,
  work: () => T,
): { result: T; entries: number[] } {
  const operation: ActiveOperation = { describe, entries: [] };
  const result = active.run(operation, work);
  return { result, entries: operation.entries };
}

/** Entries sealed so far by the operation running now (empty outside any). */
export function currentEntries(): number[] {
  return active.getStore()?.entries ?? [];
}

const DIRECT: Omit<AuditOperation, 'at'> = {
  operation: 'store:direct',
  personId: null,
  personName: null,
  keyFingerprint: null,
  input: null,
  summary: 'Changed through the store directly, outside any operation',
  rounds: [],
};

/**
 * Seals the changes noted since the last entry into a new entry, inside the caller's transaction.
 * Returns the entry's number, or null when nothing changed.
 */
export function sealPending(sqlite: Database.Database, fallback?: () => AuditOperation): number | null {
  const { changes, sets } = pendingChanges(sqlite);
  clearPending(sqlite);
  if (changes.length === 0 && sets.length === 0) return null;
  const running = active.getStore();
  const op = running?.describe() ?? fallback?.() ?? { ...DIRECT, at: new Date().toISOString() };
  const seq = appendEntry(sqlite, op, changes, sets);
  running?.entries.push(seq);
  return seq;
}

/**
 * Seals the changes noted since the last entry under `op`, whatever operation is running: for a
 * record that belongs to no operation's success, such as a wrong passphrase. Inside a transaction.
 */
export function sealAs(sqlite: Database.Database, op: AuditOperation): number {
  const { changes, sets } = pendingChanges(sqlite);
  clearPending(sqlite);
  return appendEntry(sqlite, op, changes, sets);
}
