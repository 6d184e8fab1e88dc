// A large round ready for scoring: N bids (make-large-round.ts), a lead officer and three
// policy officers, the Safer Streets framework, every officer assigned to every bid and declared
// free of conflict. Written with raw SQL: building the data is not what is measured.
import type Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { unlockPerson } from '../../electron/handlers/identity';
import { makeLargeRound } from './make-large-round';
import { runAudited } from '../../db/audit/recorder';

export const BENCH_PASSPHRASE = 'bench passphrase';
export const ASSESSORS = ['Amy Adams', 'Bo Brown', 'Cy Clarke'] as const;

export interface ScoredRound {
  roundId: number;
  criteria: { id: number; code: string; gateway: boolean }[];
  refs: string[];
  ctx: HandlerContext;
  sqlite: Database.Database;
  close: () => void;
}

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * Writes the bench's own rows in one transaction as the lead officer's signed entry (the bench
 * stands in for the people who would write them), so `verify` finds the file whole and signed.
 */
export function asLead(ctx: HandlerContext, summary: string, work: () => void) {
  const lead = ctx.session.current();
  const person = lead && ctx.store.people.get(lead.personId);
  if (!lead || !person) throw new Error('The bench writes its rows as the lead officer, who is not unlocked');
  const describe = () => ({
    operation: 'bench:data',
    at: new Date().toISOString(),
    personId: person.id,
    personName: person.name,
    keyFingerprint: lead.fingerprint,
    input: null,
    summary,
    rounds: [],
    signer: { privateKey: lead.privateKey, fingerprint: lead.fingerprint },
  });
  runAudited(describe, () => ctx.store.transaction(work));
}

/** Opens `file` as the lead officer (Lee Lead), with the bench's people unlocked as needed. */
export async function openAsLead(file: string) {
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  const store = createStore(connection);
  const ctx = createContext(store, 'bench');
  const lead = store.people.findByName('Lee Lead');
  if (lead) await unlockPerson(ctx, lead, BENCH_PASSPHRASE, { remember: false });
  return { ctx, sqlite: connection.sqlite, close: () => connection.close() };
}

export async function makeScoredRound(file: string, bids: number): Promise<ScoredRound> {
  const roundId = makeLargeRound(file, bids);
  const first = await openAsLead(file);
  await ok(
    dispatch(
      'people:add',
      { name: 'Lee Lead', role: 'lead officer', passphrase: BENCH_PASSPHRASE },
      first.ctx,
    ),
  );
  first.close();
  const { ctx, sqlite, close } = await openAsLead(file);
  for (const name of ASSESSORS) await ok(dispatch('people:add', { name, role: 'policy officer' }, ctx));
  const framework = await ok(dispatch('frameworks:use', { roundId, template: 'safer-streets' }, ctx));
  const people = sqlite
    .prepare(`SELECT id FROM people WHERE name IN (${ASSESSORS.map(() => '?').join(', ')})`)
    .pluck()
    .all(...ASSESSORS) as number[];
  const bidRows = sqlite.prepare('SELECT id, ref FROM bids WHERE round_id = ? ORDER BY id').all(roundId) as {
    id: number;
    ref: string;
  }[];
  const now = new Date().toISOString();
  const assign = sqlite.prepare('INSERT INTO assignments (bid_id, person_id, assigned_at) VALUES (?, ?, ?)');
  const declare = sqlite.prepare(
    'INSERT INTO declarations (bid_id, person_id, conflict, declared_at) VALUES (?, ?, 0, ?)',
  );
  // Through the store as the lead officer, so the audit chain records these rows, signed.
  asLead(ctx, 'The bench assigned every officer to every bid, each declaring no conflict', () => {
    for (const { id } of bidRows)
      for (const personId of people) {
        assign.run(id, personId, now);
        declare.run(id, personId, now);
      }
  });
  return {
    roundId,
    criteria: framework.criteria.map((c) => ({ id: c.id, code: c.code, gateway: c.gateway })),
    refs: bidRows.map((b) => b.ref),
    ctx,
    sqlite,
    close,
  };
}

/** A scores CSV: one assessor's scores for as many bids as make up `rows` rows, every criterion. */
export function scoresCsv(round: Pick<ScoredRound, 'criteria' | 'refs'>, assessor: string, rows: number) {
  const lines = ['bid,assessor,criterion,score,justification'];
  const perBid = round.criteria.length;
  for (let i = 0; lines.length <= rows && i < round.refs.length; i++)
    for (const c of round.criteria) {
      if (lines.length > rows) break;
      const score = c.gateway ? 1 : (i + c.id) % 5;
      lines.push(
        `${round.refs[i]},${assessor},${c.code},${score},Scored for the bench on row ${lines.length}`,
      );
    }
  if (lines.length - 1 !== rows || rows % perBid !== 0) throw new Error(`${rows} rows is not whole bids`);
  return Buffer.from(lines.join('\r\n'));
}
