import type Database from 'better-sqlite3';
import { installCaptureTriggers } from './triggers';

// The capture triggers (triggers.ts) go onto a connection just before its first write rather than
// when it opens: most commands only read and never need them, and installing them (a table_info and
// three CREATE TEMP TRIGGERs per audited table) took each start about 6 ms.
//
// Every write this connection makes passes through one of three doors first, and each installs
// the triggers if they are not there yet:
// - prepare: any statement that may write (SQLite's own judgement, `readonly`), including every
//   statement drizzle runs;
// - exec: whatever it runs;
// - transaction: before it begins, so the triggers are never part of a transaction that could roll
//   them back.
// A write prepared inside a transaction begun some other way (a raw BEGIN) before the triggers are
// there is refused outright: installed inside it, they would go with a rollback, and a statement
// prepared then could later write unrecorded. (Nothing in Tranche begins a transaction that way.)

type Transaction = ReturnType<Database.Database['transaction']>;
const KINDS = ['deferred', 'immediate', 'exclusive'] as const;

export function captureBeforeWrites(
  sqlite: Database.Database,
  beforeFirstWrite: () => void = () => undefined,
): void {
  let installed = false;
  const install = () => {
    if (installed) return;
    // The same doors hold a write until the file's integrity check has passed (connection.ts).
    beforeFirstWrite();
    if (sqlite.inTransaction)
      throw new Error(
        'The audit capture triggers must be installed before a transaction begins, not inside it',
      );
    // Marked first: the installation's own statements come through these doors too.
    installed = true;
    try {
      installCaptureTriggers(sqlite);
    } catch (error) {
      installed = false;
      throw error;
    }
  };

  const { prepare, exec, transaction } = sqlite;
  sqlite.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    if (!installed && !statement.readonly) install();
    return statement;
  } as typeof sqlite.prepare;
  sqlite.exec = function (this: Database.Database, source: string) {
    if (!installed) install();
    return exec.call(this, source);
  };
  sqlite.transaction = function (this: Database.Database, fn: (...args: never[]) => unknown) {
    const begun = transaction.call(this, fn);
    const first = (run: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        if (!installed && !sqlite.inTransaction) install();
        return run.apply(this, args);
      };
    const guarded = first(begun) as Transaction;
    for (const kind of ['default', ...KINDS] as const)
      Object.defineProperty(guarded, kind, { value: first(begun[kind]) });
    Object.defineProperty(guarded, 'database', { value: sqlite, enumerable: true });
    return guarded;
  } as typeof sqlite.transaction;
}
