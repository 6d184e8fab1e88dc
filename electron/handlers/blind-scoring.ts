import { currentActor } from './actor';
import type { ReadContext } from './context';
import { Refusal } from './refusal';

// Blind scoring, for those who may see scores side by side (the rule book names them): a lead
// officer who is also an assessor sees others' scores only once their own are submitted, and never
// for a bid they declared a conflict in. Board members and the commissioner do not assess.

/** The bids the acting person must not see others' scores for: those they are conflicted in. */
export function conflictedBids(ctx: ReadContext, roundId: number): Set<number> {
  const actor = currentActor(ctx);
  if (!actor) return new Set();
  return new Set(ctx.store.scoring.conflictsForRound(roundId, actor.id).map((d) => d.bidId));
}

/** Refuses scores side by side to an assessor who has not yet submitted their own. */
export function assertOwnScoresSubmitted(ctx: ReadContext, roundId: number, what: string) {
  const actor = currentActor(ctx);
  if (!actor) return;
  const conflicted = conflictedBids(ctx, roundId);
  const submitted = new Set(ctx.store.scoring.submissionsForRound(roundId, actor.id).map((s) => s.bidId));
  const pending = ctx.store.scoring
    .assignmentsForRound(roundId, actor.id)
    .filter((a) => !submitted.has(a.bidId) && !conflicted.has(a.bidId))
    .map((a) => ctx.store.bids.get(a.bidId)?.ref ?? String(a.bidId));
  if (pending.length > 0)
    throw new Refusal(
      'forbidden',
      `${actor.name} is an assessor and has not submitted scores for ${pending.slice(0, 10).join(', ')}: ` +
        `submit them before you see ${what}`,
    );
}

/** Scores side by side for the acting person: their unsubmitted sheets refused, conflicts left out. */
export function visibleForScores<T extends { bidId: number }>(
  ctx: ReadContext,
  roundId: number,
  rows: T[],
  what: string,
): T[] {
  assertOwnScoresSubmitted(ctx, roundId, what);
  const hidden = conflictedBids(ctx, roundId);
  return hidden.size === 0 ? rows : rows.filter((r) => !hidden.has(r.bidId));
}

const SEES_SCORES_SIDE_BY_SIDE = new Set(['lead_officer', 'board_member', 'commissioner']);

/**
 * Whether the acting person may see anything derived from the ranking (a bid's rank, say) for the
 * round: a lead officer, board member or commissioner whose own sheets, if any, are submitted.
 */
export function maySeeRanking(ctx: ReadContext, roundId: number): boolean {
  const actor = currentActor(ctx);
  if (!actor || !SEES_SCORES_SIDE_BY_SIDE.has(actor.role)) return false;
  try {
    assertOwnScoresSubmitted(ctx, roundId, 'the ranking');
    return true;
  } catch (error) {
    if (error instanceof Refusal) return false;
    throw error;
  }
}
