import { verifyDatabase, type VerifyReport } from '../../../db/audit/verify';
import type { DatabaseHealth } from '../../../db/connection';
import type { DatabaseStatus, HistoryEntry } from '../../../shared/audit';
import type { ParsedInput } from '../../../shared/contract';
import { scoreVisibilityFor } from '../blind-scoring';
import type { HandlerContext, ReadContext } from '../context';
import { notFound } from '../refusal';
import { labelOf } from './summary';

// The round's history (lead officers and the commissioner) and how the database was found at start.

// Keyed by the store's health, which its read-only side shares.
const checks = new WeakMap<DatabaseHealth, { report: VerifyReport; at: string }>();

/** Runs verify over the database and keeps the result for `audit:status`. Never throws. */
export function checkAtStart(ctx: HandlerContext): VerifyReport {
  let report: VerifyReport;
  try {
    report =
      ctx.store.health.damage.length > 0
        ? { ...emptyReport(), ok: false, problems: [...ctx.store.health.damage] }
        : verifyDatabase(ctx.store);
  } catch (error) {
    report = {
      ...emptyReport(),
      ok: false,
      problems: [`verify could not finish: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  checks.set(ctx.store.health, { report, at: ctx.now() });
  return report;
}

const emptyReport = (): VerifyReport => ({
  ok: true,
  problems: [],
  notes: [],
  signedBy: null,
  signedOn: null,
  fingerprint: null,
  entries: 0,
  rows: 0,
});

export function roundHistory(ctx: ReadContext, roundId: number): HistoryEntry[] {
  return ctx.store.audit.history(roundId);
}

/** Operations whose history entries may carry a score, a justification or a moderation's reason. */
const SCORE_OPERATIONS = new Set(['assessment:score', 'assessment:importScores', 'assessment:moderate']);

export const auditHandlers = {
  'audit:history': (input: ParsedInput<'audit:history'>, ctx: ReadContext): HistoryEntry[] => {
    if (!ctx.store.rounds.get(input.roundId)) throw notFound(`Round ${input.roundId}`);
    // An entry about scores says only what was done to whoever blind scoring keeps from any of them
    // (a moderation's summary carries the score and its reason).
    if (scoreVisibilityFor(ctx, input.roundId).everyBid) return roundHistory(ctx, input.roundId);
    return roundHistory(ctx, input.roundId).map((entry) =>
      SCORE_OPERATIONS.has(entry.operation) ? { ...entry, summary: labelOf(entry.operation) } : entry,
    );
  },
  'audit:status': (_input: object, ctx: ReadContext): DatabaseStatus => {
    const check = checks.get(ctx.store.health);
    const { health } = ctx.store;
    return {
      readOnly: health.readOnly,
      readOnlyReason: health.readOnlyReason,
      damage: health.damage,
      goodBackup: health.goodBackup,
      problems: check?.report.problems ?? [],
      checkedAt: check?.at ?? null,
    };
  },
};
