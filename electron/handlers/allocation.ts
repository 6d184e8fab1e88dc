import type { Allocation } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { suggestAllocation } from '../../shared/suggest';
import { currentActor } from './actor';
import { rankingFor } from './ranking';
import type { HandlerContext } from './context';
import { notFound, Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Allocation: what each bid gets, never more than the money available or the amount requested.

export function allocationFor(ctx: HandlerContext, roundId: number): Allocation {
  const round = mustGetRound(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId);
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  const items = ctx.store.allocation
    .items(roundId)
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
          }
        : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }));
  const allocatedPence = items.reduce((sum, i) => sum + i.amountPence, 0);
  const partnerships = [
    ...new Set(bids.filter((b) => b.status !== 'withdrawn').map((b) => b.partnership)),
  ].sort();
  return {
    roundId,
    availablePence: round.availablePence,
    allocatedPence,
    remainingPence: round.availablePence - allocatedPence,
    items,
    byPartnership: partnerships.map((partnership) => ({
      partnership,
      requestedPence: bids
        .filter((b) => b.partnership === partnership && b.status !== 'withdrawn')
        .reduce((s, b) => s + b.requestedPence, 0),
      allocatedPence: items
        .filter((i) => i.partnership === partnership)
        .reduce((s, i) => s + i.amountPence, 0),
    })),
  };
}

function suggestion(ctx: HandlerContext, roundId: number) {
  const round = mustGetRound(ctx, roundId);
  const ranking = rankingFor(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId);
  const excluded: { ref: string; reason: string }[] = [];
  const eligible = ranking.filter((r) => {
    const bid = bids.find((b) => b.id === r.bidId);
    const reason =
      bid?.status === 'ineligible'
        ? 'ineligible'
        : !r.complete
          ? 'not fully scored'
          : r.failedGateway
            ? 'failed a gateway'
            : r.belowThreshold
              ? `below the quality threshold (scored ${r.weightedScore?.toFixed(2)})`
              : r.belowMinimum
                ? 'below a criterion minimum'
                : null;
    if (reason) excluded.push({ ref: r.ref, reason });
    return reason === null;
  });
  const result = suggestAllocation(
    eligible.map((r) => ({
      bidId: r.bidId,
      ref: r.ref,
      weightedScore: r.weightedScore ?? 0,
      requestedPence: r.requestedPence,
      reducedPence: bids.find((b) => b.id === r.bidId)?.reducedPence ?? null,
    })),
    round.availablePence,
  );
  const remaining = round.availablePence - result.allocatedPence;
  for (const r of eligible.filter((e) => !result.items.some((i) => i.bidId === e.bidId))) {
    excluded.push({
      ref: r.ref,
      reason: `scores less per pound than the bids funded, and its ${formatMoney(r.requestedPence)} does not fit in the ${formatMoney(remaining)} left`,
    });
  }
  return { round, result, excluded };
}

export const allocationHandlers = {
  'allocation:get': (input: ParsedInput<'allocation:get'>, ctx: HandlerContext) =>
    allocationFor(ctx, input.roundId),

  'allocation:set': (input: ParsedInput<'allocation:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const round = mustGetOpenRound(ctx, input.roundId);
      const found = ctx.store.bids.findByRef(round.id, input.bidRef);
      if (!found) throw new Refusal('not_found', `There is no bid ${input.bidRef} in this round`);
      const bid = ctx.store.bids.get(found.id);
      if (!bid) throw notFound(`Bid ${input.bidRef}`);
      if (input.option === 'none') {
        ctx.store.allocation.clear(round.id, bid.id);
        return allocationFor(ctx, round.id);
      }
      if (bid.status === 'withdrawn' || bid.status === 'ineligible')
        throw new Refusal('conflict', `${bid.ref} is ${bid.status} and cannot be funded`);
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
          `Allocating ${formatMoney(amount)} to ${bid.ref} would take the total to ${formatMoney(others + amount)}, ${formatMoney(amount - remaining)} more than the ${formatMoney(round.availablePence)} available: only ${formatMoney(remaining)} remains`,
        );
      }
      const current = ctx.store.allocation.items(round.id).find((i) => i.bidId === bid.id);
      ctx.store.allocation.set(
        round.id,
        bid.id,
        input.option,
        amount,
        input.conditions ?? current?.conditions ?? '',
        ctx.now(),
      );
      return allocationFor(ctx, round.id);
    }),

  'allocation:suggest': (input: ParsedInput<'allocation:suggest'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const { round, result, excluded } = suggestion(ctx, input.roundId);
      if (input.apply) {
        mustGetOpenRound(ctx, round.id);
        ctx.store.allocation.replaceAll(
          round.id,
          result.items.map((i) => ({
            bidId: i.bidId,
            option: i.option,
            amountPence: i.amountPence,
            conditions: '',
          })),
          ctx.now(),
        );
      }
      return {
        allocatedPence: result.allocatedPence,
        items: result.items.map((i) => ({ ref: i.ref, amountPence: i.amountPence, option: i.option })),
        excluded,
        applied: input.apply,
      };
    }),

  'scenarios:list': (input: ParsedInput<'scenarios:list'>, ctx: HandlerContext) => {
    mustGetRound(ctx, input.roundId);
    const bids = ctx.store.bids.listForRound(input.roundId);
    return ctx.store.allocation.scenarios(input.roundId).map((s) => {
      const items = s.items.map((i) => {
        const bid = bids.find((b) => b.id === i.bidId);
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
          ? suggestion(ctx, round.id).result.items.map((i) => ({
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
      const total = scenario.items.reduce((s, i) => s + i.amountPence, 0);
      if (total > round.availablePence)
        throw new Refusal(
          'conflict',
          `"${scenario.name}" allocates ${formatMoney(total)}, ${formatMoney(total - round.availablePence)} more than the ${formatMoney(round.availablePence)} available`,
        );
      ctx.store.allocation.replaceAll(
        round.id,
        scenario.items.map(({ bidId, option, amountPence, conditions }) => ({
          bidId,
          option,
          amountPence,
          conditions,
        })),
        ctx.now(),
      );
      ctx.store.allocation.markAdopted(round.id, scenario.id, ctx.now());
      return allocationFor(ctx, round.id);
    }),
};
