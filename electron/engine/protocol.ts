// The messages between a process's main thread and its engine worker (engine-worker.ts), which owns
// the database and runs every handler through dispatch, so the main thread never waits on SQLite.

export interface EngineOptions {
  /** The database file. */
  file: string;
  migrationsFolder: string;
  /** The app's version, for the audit record and backups. */
  version: string;
}

export type ToEngine = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'close' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /**
   * The result as JSON text: a string crosses to the main thread as one copy, where a 10,000-bid
   * ranking as objects took a structured clone on each side (and web mode sends the text as it is).
   */
  | { type: 'result'; id: number; json: string }
  | { type: 'closed' };
