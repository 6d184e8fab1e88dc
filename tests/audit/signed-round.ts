import Database from 'better-sqlite3';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

/**
 * The demonstration round allocated and signed, on a temporary file; the connection stays open.
 * `migrationsFolder` builds it as an older release's schema left it (see migrationsUpTo).
 */
export async function signedRound(migrationsFolder?: string, prepare?: (sqlite: Database.Database) => void) {
  const { ctx, connection, file } = testContext(undefined, migrationsFolder);
  prepare?.(connection.sqlite);
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  must(await dispatch('demo:load', {}, ctx));
  const lead = as('Dan Hughes');
  for (const [ref, option] of [
    ['B1', 'reduced'],
    ['C1', 'full'],
  ] as const)
    must(
      await dispatch(
        'allocation:set',
        { roundId: 1, bidRef: ref, option, conditions: '', reason: 'Chosen by the panel' },
        lead,
      ),
    );
  await moveRoundTo(lead, 1, 'decision');
  must(
    await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead', interests: 'None' },
      as('Pat Morgan'),
    ),
  );
  return { ctx, connection, file, as, lead };
}

export function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Runs SQL on the file the way someone with the sqlite3 shell would: no Tranche, no triggers of ours. */
export function tamper(file: string, ...statements: string[]) {
  const raw = new Database(file);
  try {
    for (const statement of statements) raw.exec(statement);
  } finally {
    raw.close();
  }
}
