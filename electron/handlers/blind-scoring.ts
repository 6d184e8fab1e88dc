import { scoreVisibility, type ScoreVisibility } from '../../shared/score-visibility';
import { currentActor } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';

// Blind scoring: the facts about the acting person that the one rule (shared/score-visibility.ts)
// needs, read from the record, and the refusal it gives. Every path that shows a score, a
// justification, a weighted total, a rank or a rank order asks here.

/** What the acting person may see of the round's scores. */
export function scoreVisibilityFor(ctx: ReadContext, roundId: number): ScoreVisibility {
  const actor = currentActor(ctx);
  if (!actor) return scoreVisibility(null);
  const conflicted = new Set(ctx.store.scoring.conflictsForRound(roundId, actor.id).map((d) => d.bidId));
  const submitted = new Set(ctx.store.scoring.submissionsForRound(roundId, actor.id).map((s) => s.bidId));
  const unsubmitted = ctx.store.scoring
    .assignmentsForRound(roundId, actor.id)
    .filter((a) => !submitted.has(a.bidId) && !conflicted.has(a.bidId))
    .map((a) => ctx.store.bids.get(a.bidId)?.ref ?? String(a.bidId));
  return scoreVisibility({ name: actor.name, role: actor.role, unsubmitted, submitted, conflicted });
}

/** The bids the acting person must not see others' scores for: those they are conflicted in. */
export function conflictedBids(ctx: HandlerContext, roundId: number): Set<number> {
  const actor = currentActor(ctx);
  if (!actor) return new Set();
  return new Set(ctx.store.scoring.conflictsForRound(roundId, actor.id).map((d) => d.bidId));
}

/** Refuses the ranking, or anything drawn from it, to whoever the rule withholds it from. */
export function assertSeesRanking(ctx: ReadContext, roundId: number, what: string): ScoreVisibility {
  const visibility = scoreVisibilityFor(ctx, roundId);
  const withheld = visibility.withheld(what);
  if (withheld) throw new Refusal('forbidden', withheld);
  return visibility;
}

/** Scores side by side for the acting person: refused unless the rule allows, conflicts left out. */
export function visibleForScores<T extends { bidId: number }>(
  ctx: ReadContext,
  roundId: number,
  rows: readonly T[],
  what: string,
): T[] {
  const visibility = assertSeesRanking(ctx, roundId, what);
  return visibility.everyBid ? [...rows] : rows.filter((r) => visibility.bid(r.bidId));
}

/** Whether the acting person may see anything derived from the ranking (a bid's rank, say). */
export function maySeeRanking(ctx: ReadContext, roundId: number): boolean {
  return scoreVisibilityFor(ctx, roundId).ranking;
}

/**
 * Refuses what orders every bid by its scores (a suggested allocation) to whoever may not see
 * every bid's: the rule's refusal, or the conflict that hides one of them.
 */
export function assertSeesEveryBid(ctx: HandlerContext, roundId: number, what: string): ScoreVisibility {
  const visibility = assertSeesRanking(ctx, roundId, what);
  if (visibility.everyBid) return visibility;
  const refs = [...conflictedBids(ctx, roundId)].map((id) => ctx.store.bids.get(id)?.ref ?? String(id));
  throw new Refusal(
    'forbidden',
    `${currentActor(ctx)?.name ?? 'You'} declared a conflict of interest in ${refs.join(', ')}, and ${what} ` +
      'orders every bid by its scores: ask someone without a conflict',
  );
}
