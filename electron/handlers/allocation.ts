import type { Allocation, SuggestMethod } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import { awardable, awardProblems, type AwardableBid } from '../../shared/awardable';
import { departuresFor, ineligibility, type DepartureBid } from '../../shared/departures';
import { formatMoney } from '../../shared/money';
import { ordinal, RANK_ORDER_EXPLANATION, suggestInRankOrder } from '../../shared/rank-order';
import { suggestAllocation, VALUE_EXPLANATION } from '../../shared/suggest';
import { currentActor } from './actor';
import { assertSeesEveryBid, scoreVisibilityFor } from './blind-scoring';
import { getFramework } from './frameworks';
import { rankingFor } from './ranking';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal, notFound, Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Allocation: what each bid gets, never more than the money available or the amount requested,
// and never away from the ranking without a recorded reason.

type Ranked = ReturnType<typeof rankingFor>[number];
const BY_REF = new Intl.Collator('en-GB', { numeric: true });

/**
 * The ranking with each bid's offered reduction, or [] while the round has no framework. `bids` is
 * the round's bids when the caller has read them already (a 10,000-bid read is not repeated).
 */
function rankingForDepartures(
  ctx: ReadContext,
  roundId: number,
  bids: readonly { id: number; reducedPence: number | null }[] = ctx.store.bids.allocationRows(roundId),
  ranking?: readonly Ranked[],
): (Ranked & DepartureBid)[] {
  if (!ranking && !getFramework(ctx, roundId)) return [];
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  return (ranking ?? rankingFor(ctx, roundId)).map((r) => ({
    ...r,
    reducedPence: bidOf.get(r.bidId)?.reducedPence ?? null,
  }));
}

export function allocationFor(ctx: ReadContext, roundId: number): Allocation {
  const round = mustGetRound(ctx, roundId);
  const bids = ctx.store.bids.allocationRows(roundId);
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  const stored = ctx.store.allocation.items(roundId);
  const departures = departuresFor(rankingForDepartures(ctx, roundId, bids), stored, round.availablePence);
  const items = stored
    .map((item) => {
      const bid = bidOf.get(item.bidId);
      return bid
        ? {
            bidId: bid.id,
            ref: bid.ref,
            partnership: bid.partnership,
            title: bid.title,
            requestedPence: bid.requestedPence,
            reducedPence: bid.reducedPence,
            amountPence: item.amountPence,
            option: item.option,
            conditions: item.conditions,
            reason: item.reason,
            crimeReduction: item.crimeReduction,
            departures: departures.get(bid.id) ?? [],
          }
        : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .sort((a, b) => BY_REF.compare(a.ref, b.ref));
  const allocatedPence = items.reduce((sum, i) => sum + i.amountPence, 0);
  // Each partnership's requested and allocated money, added up in one pass over the bids and items.
  const requestedBy = new Map<string, number>();
  for (const b of bids)
    if (b.status !== 'withdrawn')
      requestedBy.set(b.partnership, (requestedBy.get(b.partnership) ?? 0) + b.requestedPence);
  const allocatedBy = new Map<string, number>();
  for (const i of items)
    allocatedBy.set(i.partnership, (allocatedBy.get(i.partnership) ?? 0) + i.amountPence);
  return {
    roundId,
    availablePence: round.availablePence,
    allocatedPence,
    remainingPence: round.availablePence - allocatedPence,
    items,
    byPartnership: [...requestedBy.keys()].sort().map((partnership) => ({
      partnership,
      requestedPence: requestedBy.get(partnership) ?? 0,
      allocatedPence: allocatedBy.get(partnership) ?? 0,
    })),
  };
}

/**
 * Why a ranked bid cannot be suggested at all, in plain words; null when it can. A bid that may not
 * be funded is left out (shared/awardable.ts), and so is one not eligible on its scores
 * (shared/departures.ts): the suggestion never departs from the ranking.
 */
function notSuggested(r: Ranked, bid: AwardableBid | undefined): string | null {
  const place = `ranked ${ordinal(r.rank)}`;
  if (bid && !awardable(bid)) return `${place}; ${bid.status}`;
  if (!r.complete) return `not yet fully scored (${r.assessorCount} of ${r.assessorsExpected} assessors)`;
  const why = ineligibility({ ...r, reducedPence: null });
  if (!why) return null;
  const scored = why.includes('threshold') ? ` (scored ${r.weightedScore?.toFixed(2)})` : '';
  return `${place}; ${why.replace(/^is /, '')}${scored}`;
}

/**
 * Refuses, naming every one, awards to bids that may not be funded (shared/awardable.ts): the one
 * rule that setting, suggesting and adopting share with the checks before signing.
 */
function refuseUnawardable(
  ctx: HandlerContext,
  roundId: number,
  items: { bidId: number; amountPence: number }[],
  source: string,
  bids: readonly (AwardableBid & { id: number })[] = ctx.store.bids.allocationRows(roundId),
) {
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  const problems = items.flatMap((i) => {
    const bid = bidOf.get(i.bidId);
    return bid ? awardProblems(bid, i.amountPence) : [`bid ${i.bidId} is no longer in this round`];
  });
  if (problems.length > 0)
    throw new Refusal('conflict', `${source} cannot be put in the allocation: ${problems.join('; ')}`);
}

function suggestion(ctx: HandlerContext, roundId: number, method: SuggestMethod) {
  const round = mustGetRound(ctx, roundId);
  assertSeesEveryBid(ctx, roundId, 'a suggested allocation');
  const ranking = rankingFor(ctx, roundId);
  const bids = ctx.store.bids.allocationRows(roundId);
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  const reducedOf = (bidId: number) => bidOf.get(bidId)?.reducedPence ?? null;
  const excluded: { ref: string; reason: string }[] = [];
  const eligible = ranking.filter((r) => {
    const reason = notSuggested(r, bidOf.get(r.bidId));
    if (reason) excluded.push({ ref: r.ref, reason });
    return reason === null;
  });
  if (method === 'rank') {
    const result = suggestInRankOrder(
      eligible.map((r) => ({
        bidId: r.bidId,
        ref: r.ref,
        rank: r.rank,
        requestedPence: r.requestedPence,
        reducedPence: reducedOf(r.bidId),
      })),
      round.availablePence,
    );
    return {
      round,
      items: result.items,
      allocatedPence: result.allocatedPence,
      excluded: [...result.excluded.map(({ ref, reason }) => ({ ref, reason })), ...excluded],
      explanation: RANK_ORDER_EXPLANATION,
      read: { bids, ranking },
    };
  }
  const result = suggestAllocation(
    eligible.map((r) => ({
      bidId: r.bidId,
      ref: r.ref,
      weightedScore: r.weightedScore ?? 0,
      requestedPence: r.requestedPence,
      reducedPence: reducedOf(r.bidId),
    })),
    round.availablePence,
  );
  const remaining = round.availablePence - result.allocatedPence;
  const funded = new Set(result.items.map((i) => i.bidId));
  const left = eligible
    .filter((e) => !funded.has(e.bidId))
    .map((r) => ({
      ref: r.ref,
      reason:
        `ranked ${ordinal(r.rank)}; scores less per pound than the bids funded, ` +
        `and its ${formatMoney(r.requestedPence)} does not fit in the ${formatMoney(remaining)} left`,
    }));
  return {
    round,
    items: result.items,
    allocatedPence: result.allocatedPence,
    excluded: [...left, ...excluded],
    explanation: VALUE_EXPLANATION,
    read: { bids, ranking },
  };
}

/**
 * Refuses an allocation that departs from the ranking without a reason, naming each departure.
 * Returns the departures of the allocation as it would stand, by bid.
 */
function requireReasons(
  ctx: HandlerContext,
  roundId: number,
  items: { bidId: number; amountPence: number; reason?: string }[],
  checkBids: number[],
  reason: string | undefined,
  /** The round's bids and ranking, when the caller read them in this transaction already. */
  read?: { bids: ReturnType<HandlerContext['store']['bids']['allocationRows']>; ranking: readonly Ranked[] },
): Map<number, string[]> {
  const round = mustGetRound(ctx, roundId);
  const ranked = read
    ? rankingForDepartures(ctx, roundId, read.bids, read.ranking)
    : rankingForDepartures(ctx, roundId);
  const departures = departuresFor(ranked, items, round.availablePence);
  // Departures name ranks: whoever may not see every bid's hears only which award needs a reason.
  const seesRanks = scoreVisibilityFor(ctx, roundId).everyBid;
  const recordedOf = new Map(items.map((i) => [i.bidId, i.reason ?? '']));
  const unexplained = checkBids.flatMap((bidId) => {
    const found = departures.get(bidId);
    const recorded = recordedOf.get(bidId) ?? '';
    if (!found || reason || recorded) return [];
    return seesRanks
      ? found
      : [`the award to ${ctx.store.bids.get(bidId)?.ref ?? bidId} departs from the ranking`];
  });
  if (unexplained.length > 0)
    throw fieldRefusal(
      'invalid_input',
      'reason',
      `Give a reason: ${unexplained.join('; ')}. An award away from the ranking needs one, ` +
        'recorded beside it and printed in the notice.',
    );
  return departures;
}

/**
 * The allocation as the acting person may see it: departures name ranks ("B1 (ranked 3rd) is
 * funded while…"), so blind scoring keeps them from anyone who may not see every bid's rank.
 */
function allocationSeenBy(ctx: ReadContext, roundId: number): Allocation {
  const allocation = allocationFor(ctx, roundId);
  if (scoreVisibilityFor(ctx, roundId).everyBid) return allocation;
  return { ...allocation, items: allocation.items.map((item) => ({ ...item, departures: [] })) };
}

export const allocationHandlers = {
  'allocation:get': (input: ParsedInput<'allocation:get'>, ctx: ReadContext) =>
    allocationSeenBy(ctx, input.roundId),

  'allocation:set': (input: ParsedInput<'allocation:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const round = mustGetOpenRound(ctx, input.roundId);
      const found = ctx.store.bids.findByRef(round.id, input.bidRef);
      if (!found) throw new Refusal('not_found', `There is no bid ${input.bidRef} in this round`);
      const bid = ctx.store.bids.get(found.id);
      if (!bid) throw notFound(`Bid ${input.bidRef}`);
      if (input.option === 'none') {
        ctx.store.allocation.clear(round.id, bid.id);
        return allocationSeenBy(ctx, round.id);
      }
      const unfundable = awardProblems(bid, 0);
      if (unfundable.length > 0) throw new Refusal('conflict', unfundable.join('; '));
      let amount: number;
      if (input.option === 'full') amount = bid.requestedPence;
      else if (input.option === 'reduced') {
        if (bid.reducedPence === null)
          throw new Refusal('invalid_input', `${bid.ref} offers no reduced amount`);
        amount = bid.reducedPence;
      } else {
        amount = input.amountPence ?? 0;
        if (amount > bid.requestedPence)
          throw new Refusal(
            'invalid_input',
            `${formatMoney(amount)} is more than the ${formatMoney(bid.requestedPence)} ${bid.ref} requested`,
          );
      }
      const others = ctx.store.allocation
        .items(round.id)
        .filter((i) => i.bidId !== bid.id)
        .reduce((s, i) => s + i.amountPence, 0);
      const remaining = round.availablePence - others;
      if (amount > remaining) {
        throw new Refusal(
          'conflict',
          `Allocating ${formatMoney(amount)} to ${bid.ref} would take the total to ` +
            `${formatMoney(others + amount)}, ${formatMoney(amount - remaining)} more than the ` +
            `${formatMoney(round.availablePence)} available: only ${formatMoney(remaining)} remains`,
        );
      }
      const stored = ctx.store.allocation.items(round.id);
      const current = stored.find((i) => i.bidId === bid.id);
      const after = [
        ...stored.filter((i) => i.bidId !== bid.id),
        { bidId: bid.id, amountPence: amount, reason: current?.reason ?? '' },
      ];
      requireReasons(ctx, round.id, after, [bid.id], input.reason);
      ctx.store.allocation.set(
        round.id,
        bid.id,
        input.option,
        amount,
        input.conditions ?? current?.conditions ?? '',
        ctx.now(),
        input.reason ?? current?.reason ?? '',
        input.crimeReduction ?? current?.crimeReduction ?? '',
      );
      return allocationSeenBy(ctx, round.id);
    }),

  'allocation:suggest': (input: ParsedInput<'allocation:suggest'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const result = suggestion(ctx, input.roundId, input.method);
      if (input.apply) {
        const round = mustGetOpenRound(ctx, result.round.id);
        // The bids and ranking the suggestion was made from: nothing has been written since.
        refuseUnawardable(ctx, round.id, result.items, 'The suggestion', result.read.bids);
        const departures = requireReasons(
          ctx,
          round.id,
          result.items,
          result.items.map((i) => i.bidId),
          input.reason,
          result.read,
        );
        ctx.store.allocation.replaceAll(
          round.id,
          result.items.map((i) => ({
            bidId: i.bidId,
            option: i.option,
            amountPence: i.amountPence,
            conditions: '',
            reason: departures.has(i.bidId) ? (input.reason ?? '') : '',
          })),
          ctx.now(),
        );
      }
      return {
        method: input.method,
        explanation: result.explanation,
        allocatedPence: result.allocatedPence,
        items: result.items.map((i) => ({ ref: i.ref, amountPence: i.amountPence, option: i.option })),
        excluded: result.excluded,
        applied: input.apply,
      };
    }),

  'scenarios:list': (input: ParsedInput<'scenarios:list'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    const bidOf = new Map(ctx.store.bids.allocationRows(input.roundId).map((b) => [b.id, b]));
    return ctx.store.allocation.scenarios(input.roundId).map((s) => {
      const items = s.items.map((i) => {
        const bid = bidOf.get(i.bidId);
        return {
          bidId: i.bidId,
          ref: bid?.ref ?? '',
          partnership: bid?.partnership ?? '',
          option: i.option,
          amountPence: i.amountPence,
        };
      });
      return {
        id: s.id,
        name: s.name,
        createdBy: s.createdBy,
        createdAt: s.createdAt,
        adoptedAt: s.adoptedAt,
        allocatedPence: items.reduce((sum, i) => sum + i.amountPence, 0),
        items,
      };
    });
  },

  'scenarios:save': (input: ParsedInput<'scenarios:save'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      const round = mustGetOpenRound(ctx, input.roundId);
      if (ctx.store.allocation.findScenarioByName(round.id, input.name))
        throw new Refusal('conflict', `There is already a scenario called "${input.name}"`);
      const items =
        input.from === 'suggestion'
          ? suggestion(ctx, round.id, 'rank').items.map((i) => ({
              bidId: i.bidId,
              option: i.option as 'full' | 'reduced' | 'custom',
              amountPence: i.amountPence,
              conditions: '',
            }))
          : ctx.store.allocation.items(round.id).map(({ bidId, option, amountPence, conditions }) => ({
              bidId,
              option,
              amountPence,
              conditions,
            }));
      ctx.store.allocation.saveScenario(round.id, input.name, actor?.id ?? null, items, ctx.now());
      return allocationHandlers['scenarios:list']({ roundId: round.id }, ctx);
    }),

  'scenarios:adopt': (input: ParsedInput<'scenarios:adopt'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const round = mustGetOpenRound(ctx, input.roundId);
      const scenario = ctx.store.allocation.scenarios(round.id).find((s) => s.id === input.scenarioId);
      if (!scenario) throw notFound(`Scenario ${input.scenarioId}`);
      refuseUnawardable(ctx, round.id, scenario.items, `"${scenario.name}"`);
      const total = scenario.items.reduce((s, i) => s + i.amountPence, 0);
      if (total > round.availablePence)
        throw new Refusal(
          'conflict',
          `"${scenario.name}" allocates ${formatMoney(total)}, ` +
            `${formatMoney(total - round.availablePence)} more than the ` +
            `${formatMoney(round.availablePence)} available`,
        );
      const departures = requireReasons(
        ctx,
        round.id,
        scenario.items,
        scenario.items.map((i) => i.bidId),
        input.reason,
      );
      ctx.store.allocation.replaceAll(
        round.id,
        scenario.items.map(({ bidId, option, amountPence, conditions }) => ({
          bidId,
          option,
          amountPence,
          conditions,
          reason: departures.has(bidId) ? (input.reason ?? '') : '',
        })),
        ctx.now(),
      );
      ctx.store.allocation.markAdopted(round.id, scenario.id, ctx.now());
      return allocationSeenBy(ctx, round.id);
    }),
};
