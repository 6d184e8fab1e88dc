import { groupBy } from '../../db/group-by';
import { bidFlags } from '../../shared/checks';
import type { ParsedInput } from '../../shared/contract';
import { rankBids, spread, type RankBid } from '../../shared/ranking';
import { visibleForScores } from './blind-scoring';
import type { ReadContext } from './context';
import { mustGetFramework } from './frameworks';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// The ranking, computed from submitted, unconflicted scores and moderations (shared/ranking.ts).

type Ranking = readonly Readonly<ReturnType<typeof workOutRanking>[number]>[];

/** The last ranking worked out over each store, with the change mark it was worked out at. */
const lastRanking = new WeakMap<object, { roundId: number; mark: string; ranking: Ranking }>();

/**
 * The round's ranking. The ranking, board review and allocation pages each ask for it (the
 * allocation page three times over), and at 10,000 bids it reads a quarter of a million scores: so
 * it is worked out once and reused until the database changes (the store's change mark), never
 * inside a transaction. Its rows are frozen: a caller that changed one would change every later
 * caller's ranking.
 */
export function rankingFor(ctx: ReadContext, roundId: number): Ranking {
  const mark = ctx.store.changeMark();
  const last = lastRanking.get(ctx.store);
  if (mark !== null && last?.roundId === roundId && last.mark === mark) return last.ranking;
  const ranking = Object.freeze(workOutRanking(ctx, roundId).map((row) => Object.freeze(row)));
  if (mark !== null) lastRanking.set(ctx.store, { roundId, mark, ranking });
  return ranking;
}

function workOutRanking(ctx: ReadContext, roundId: number) {
  const framework = mustGetFramework(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId).filter((b) => b.status !== 'withdrawn');
  const conflicts = new Set(
    ctx.store.scoring.conflictsForRound(roundId).map((d) => `${d.bidId}:${d.personId}`),
  );
  const counted = ctx.store.scoring.countedScoresForRound(roundId);
  const moderations = ctx.store.scoring.moderationsForRound(roundId);
  const expectedOf = groupBy(
    ctx.store.scoring.assignmentsForRound(roundId).filter((a) => !conflicts.has(`${a.bidId}:${a.personId}`)),
    (a) => a.bidId,
  );
  // Grouped by bid in one pass each, not searched per bid: rounds run to thousands of bids.
  const countedOf = groupBy(counted, (s) => s.bidId);
  const moderationsOf = groupBy(moderations, (m) => m.bidId);
  const rankInput: RankBid[] = bids.map((bid) => {
    const own = countedOf.get(bid.id) ?? [];
    const scores = new Map<number, number[]>();
    for (const s of own) {
      const list = scores.get(s.criterionId);
      if (list) list.push(s.score as number);
      else scores.set(s.criterionId, [s.score as number]);
    }
    return {
      bidId: bid.id,
      ref: bid.ref,
      scores,
      moderated: new Map((moderationsOf.get(bid.id) ?? []).map((m) => [m.criterionId, m.score])),
      assessorCount: new Set(own.map((s) => s.personId)).size,
      assessorsExpected: expectedOf.get(bid.id)?.length ?? 0,
    };
  });
  // Moderation is open on a bid while a criterion's submitted scores differ by the round's
  // divergence or more and the lead officer has not yet moderated it.
  const moderationOpen = (input: RankBid) =>
    framework.criteria.some(
      (c) => !input.moderated.has(c.id) && spread(input.scores.get(c.id) ?? []) >= framework.divergence,
    );
  const inputOf = new Map(rankInput.map((b) => [b.bidId, b]));
  const ranked = rankBids(
    {
      scaleMin: framework.scale.min,
      scaleMax: framework.scale.max,
      threshold: framework.threshold,
      criteria: framework.criteria.map(({ id, code, weight, minScore, gateway }) => ({
        id,
        code,
        weight,
        minScore,
        gateway,
      })),
    },
    rankInput,
  );
  const round = mustGetRound(ctx, roundId);
  const openOf = groupBy(
    ctx.store.scoring.queriesForRound(roundId).filter((q) => !q.resolvedAt),
    (q) => q.bidId,
  );
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  return ranked.map((r) => {
    const bid = bidOf.get(r.bidId);
    const input = inputOf.get(r.bidId);
    return {
      ...r,
      moderationOpen: input ? moderationOpen(input) : false,
      partnership: bid?.partnership ?? '',
      title: bid?.title ?? '',
      requestedPence: bid?.requestedPence ?? 0,
      reducedPence: bid?.reducedPence ?? null,
      checks: bid
        ? bidFlags(bid, { name: round.fund, capPence: round.fundCapPence })
            .filter((f) => f.severity === 'problem')
            .map((f) => f.message)
        : [],
      openQueries: (openOf.get(r.bidId) ?? []).map((q) => q.text),
    };
  });
}

export const rankingHandlers = {
  'assessment:ranking': (input: ParsedInput<'assessment:ranking'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    return visibleForScores(ctx, input.roundId, rankingFor(ctx, input.roundId), 'the ranking');
  },

  // The ranking and allocation pages' rows: the same rows, as visible, without the breakdowns.
  'assessment:rankingRows': (input: ParsedInput<'assessment:rankingRows'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    return visibleForScores(ctx, input.roundId, rankingFor(ctx, input.roundId), 'the ranking').map(
      ({ criteria: _breakdown, ...row }) => row,
    );
  },

  // One row's breakdown, when it is opened: refused wherever the row itself would be withheld.
  'assessment:breakdown': (input: ParsedInput<'assessment:breakdown'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    const row = rankingFor(ctx, input.roundId).find((r) => r.bidId === input.bidId);
    const [seen] = visibleForScores(ctx, input.roundId, row ? [row] : [], 'the ranking');
    if (!seen) throw new Refusal('not_found', "That bid is not in this round's ranking");
    return { bidId: seen.bidId, criteria: seen.criteria };
  },
};
