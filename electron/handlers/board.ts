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
  const rule = ctx.store.board.rule(roundId) ?? { rule: 'threshold' as const, topN: null };
  const overrides = ctx.store.board.overrides(roundId);
  const ranking = rankingFor(ctx, roundId);
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
      const override = overrides.find((o) => o.bidId === r.bidId) ?? null;
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
    const shortlist = visibleForScores(
      ctx,
      round.id,
      shortlistFor(ctx, round.id).items.filter((i) => i.included),
      'the board pack',
    );
    const ranking = rankingFor(ctx, round.id);
    const allocation = ctx.store.allocation.items(round.id);
    const views = ctx.store.board.views(round.id);
    return shortlist.map((item) => {
      const bid = ctx.store.bids.get(item.bidId);
      const ranked = ranking.find((r) => r.bidId === item.bidId);
      return {
        rank: item.rank,
        bidId: item.bidId,
        ref: item.ref,
        title: item.title,
        partnership: item.partnership,
        requestedPence: item.requestedPence,
        reducedPence: bid?.reducedPence ?? null,
        weightedScore: item.weightedScore,
        summary: bid?.summary ?? '',
        checks: ranked?.checks ?? [],
        openQueries: ranked?.openQueries ?? [],
        recommendedPence: allocation.find((a) => a.bidId === item.bidId)?.amountPence ?? null,
        departureReason: allocation.find((a) => a.bidId === item.bidId)?.reason ?? '',
        views: views
          .filter((v) => v.bidId === item.bidId)
          .map(({ person, view, comment, meetingOn }) => ({ person, view, comment, meetingOn })),
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
