import type Database from 'better-sqlite3';
import type { HistoryEntry } from '../../shared/audit';

// Reading the audit chain for people: a round's history, oldest first.

export function auditQueries(sqlite: Database.Database) {
  return {
    /** The entries of the given operations (those about people), newest first, at most `limit`. */
    ofOperations(operations: readonly string[], limit = 500): HistoryEntry[] {
      const rows = sqlite
        .prepare(
          `SELECT seq, at, person_name, operation, summary FROM audit_entries
           WHERE operation IN (${operations.map(() => '?').join(', ')}) ORDER BY seq DESC LIMIT ?`,
        )
        .all(...operations, limit) as {
        seq: number;
        at: string;
        person_name: string | null;
        operation: string;
        summary: string;
      }[];
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        person: r.person_name,
        operation: r.operation,
        summary: r.summary,
      }));
    },
    history(roundId: number): HistoryEntry[] {
      const rows = sqlite
        .prepare(
          `SELECT seq, at, person_name, operation, summary FROM audit_entries
           WHERE rounds LIKE ? ORDER BY seq`,
        )
        .all(`%,${roundId},%`) as {
        seq: number;
        at: string;
        person_name: string | null;
        operation: string;
        summary: string;
      }[];
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        person: r.person_name,
        operation: r.operation,
        summary: r.summary,
      }));
    },
  };
}
