import { groupBy } from '../../db/group-by';
import type { ParsedInput } from '../../shared/contract';
import { currentActor } from './actor';
import { rankingFor } from './ranking';
import { visibleForScores } from './blind-scoring';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// The shortlist drawn from the ranking, and the board's review of it.

export function shortlistFor(ctx: ReadContext, roundId: number) {
  mustGetRound(ctx, roundId);
  return shortlistFrom(ctx, roundId, rankingFor(ctx, roundId));
}

/** The shortlist drawn from a ranking already worked out (the board pack needs both). */
function shortlistFrom(ctx: ReadContext, roundId: number, ranking: ReturnType<typeof rankingFor>) {
  const rule = ctx.store.board.rule(roundId) ?? { rule: 'threshold' as const, topN: null };
  const overrideOf = new Map(ctx.store.board.overrides(roundId).map((o) => [o.bidId, o]));
  let eligibleSeen = 0;
  return {
    rule: rule.rule,
    topN: rule.topN,
    items: ranking.map((r) => {
      const eligible = r.complete && !r.failedGateway && !r.belowMinimum && !r.belowThreshold;
      if (eligible) eligibleSeen += 1;
      const byRule =
        rule.rule === 'threshold'
          ? eligible
          : rule.rule === 'top'
            ? eligible && eligibleSeen <= (rule.topN ?? 0)
            : false;
      const override = overrideOf.get(r.bidId) ?? null;
      return {
        rank: r.rank,
        bidId: r.bidId,
        ref: r.ref,
        title: r.title,
        partnership: r.partnership,
        requestedPence: r.requestedPence,
        weightedScore: r.weightedScore,
        byRule,
        included: override ? override.included : byRule,
        override,
      };
    }),
  };
}

export const boardHandlers = {
  'shortlist:get': (input: ParsedInput<'shortlist:get'>, ctx: ReadContext) => {
    const shortlist = shortlistFor(ctx, input.roundId);
    return { ...shortlist, items: visibleForScores(ctx, input.roundId, shortlist.items, 'the shortlist') };
  },

  'shortlist:setRule': (input: ParsedInput<'shortlist:setRule'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      mustGetOpenRound(ctx, input.roundId);
      ctx.store.board.setRule(input.roundId, input.rule, input.topN ?? null, ctx.now());
      return shortlistFor(ctx, input.roundId);
    }),

  'shortlist:override': (input: ParsedInput<'shortlist:override'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      mustGetOpenRound(ctx, input.roundId);
      const current = shortlistFor(ctx, input.roundId).items.find(
        (i) => i.ref.toLowerCase() === input.bidRef.toLowerCase(),
      );
      if (!current) throw new Refusal('not_found', `There is no bid ${input.bidRef} in this round`);
      if (input.included === current.byRule) {
        ctx.store.board.clearOverride(input.roundId, current.bidId);
      } else {
        if (!input.reason)
          throw new Refusal(
            'invalid_input',
            `Give the reason for ${input.included ? 'adding' : 'leaving out'} ${current.ref} against the ranking`,
            [{ path: 'reason', message: 'Give the reason' }],
          );
        ctx.store.board.setOverride(
          input.roundId,
          current.bidId,
          input.included,
          input.reason,
          actor?.id ?? null,
          ctx.now(),
        );
      }
      return shortlistFor(ctx, input.roundId);
    }),

  'board:pack': (input: ParsedInput<'board:pack'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    // One ranking (which carries each bid's reduced amount), one read of each other table, joined
    // through maps: a shortlist can run to thousands.
    const ranking = rankingFor(ctx, round.id);
    const shortlist = visibleForScores(
      ctx,
      round.id,
      shortlistFrom(ctx, round.id, ranking).items.filter((i) => i.included),
      'the board pack',
    );
    const rankedOf = new Map(ranking.map((r) => [r.bidId, r]));
    const summaryOf = ctx.store.bids.summariesForRound(round.id);
    const allocationOf = new Map(ctx.store.allocation.items(round.id).map((a) => [a.bidId, a]));
    const viewsOf = groupBy(ctx.store.board.views(round.id), (v) => v.bidId);
    return shortlist.map((item) => {
      const ranked = rankedOf.get(item.bidId);
      const allocated = allocationOf.get(item.bidId);
      return {
        rank: item.rank,
        bidId: item.bidId,
        ref: item.ref,
        title: item.title,
        partnership: item.partnership,
        requestedPence: item.requestedPence,
        reducedPence: ranked?.reducedPence ?? null,
        weightedScore: item.weightedScore,
        summary: summaryOf.get(item.bidId) ?? '',
        checks: ranked?.checks ?? [],
        openQueries: ranked?.openQueries ?? [],
        recommendedPence: allocated?.amountPence ?? null,
        departureReason: allocated?.reason ?? '',
        views: (viewsOf.get(item.bidId) ?? []).map(({ person, view, comment, meetingOn }) => ({
          person,
          view,
          comment,
          meetingOn,
        })),
      };
    });
  },

  'board:recordView': (input: ParsedInput<'board:recordView'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      if (!actor) throw new Refusal('forbidden', 'Set up your profile first');
      const round = mustGetOpenRound(ctx, input.roundId);
      const bid = ctx.store.bids.findByRef(round.id, input.bidRef);
      if (!bid) throw new Refusal('not_found', `There is no bid ${input.bidRef} in this round`);
      ctx.store.board.recordView(
        bid.id,
        actor.id,
        input.view,
        input.comment,
        input.meetingOn ?? null,
        ctx.now(),
      );
      return boardHandlers['board:pack']({ roundId: round.id }, ctx);
    }),
};
