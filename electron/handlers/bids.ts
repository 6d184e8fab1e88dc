import { createHash } from 'node:crypto';
import {
  bidFlags,
  costLinesTotal,
  lineProduct,
  subtotalFlags,
  oversubscription,
  type Flag,
  roundWithoutCostLines,
} from '../../shared/checks';
import type { BidDetail, BidSummary } from '../../shared/bids';
import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import type { RoundDashboard } from '../../shared/dashboard';
import { normaliseName } from '../../db/queries/organisations';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal, notFound, Refusal } from './refusal';
import { refuseRoundTotalPastLimit } from './money-limits';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

type Fund = { name: string; capPence: number | null };

function summarise(
  bid: ReturnType<HandlerContext['store']['bids']['listForRound']>[number],
  fund: Fund,
): BidSummary {
  return {
    id: bid.id,
    roundId: bid.roundId,
    ref: bid.ref,
    partnershipId: bid.partnershipId,
    partnership: bid.partnership,
    title: bid.title,
    requestedPence: bid.requestedPence,
    reducedPence: bid.reducedPence,
    status: bid.status,
    costLinesTotalPence: bid.costLines.length === 0 ? null : costLinesTotal(bid.costLines),
    flags: bidFlags(bid, fund),
  };
}

export function listBids(ctx: ReadContext, roundId: number): BidSummary[] {
  const round = mustGetRound(ctx, roundId);
  const fund = { name: round.fund, capPence: round.fundCapPence };
  return ctx.store.bids.listForRound(roundId).map((bid) => summarise(bid, fund));
}

export function getBid(ctx: ReadContext, id: number): BidDetail {
  const bid = ctx.store.bids.get(id);
  if (!bid) throw notFound(`Bid ${id}`);
  const { fundCapPence, ...rest } = bid;
  return {
    ...rest,
    costLinesTotalPence: bid.costLines.length === 0 ? null : costLinesTotal(bid.costLines),
    costLines: bid.costLines.map((line) => ({ ...line, computedPence: lineProduct(line) })),
    flags: bidFlags(bid, { name: bid.fund, capPence: fundCapPence }),
  };
}

/** The partnership a name identifies (by its name or any alias), created if it is new. */
export function resolvePartnership(ctx: HandlerContext, name: string, now: string): number {
  const known = ctx.store.organisations.partnershipIndex().get(normaliseName(name));
  return known ? known.id : ctx.store.organisations.createPartnership(name, null, now);
}

function refuseForeignPriorities(ctx: HandlerContext, planId: number | null, priorityIds: number[]) {
  if (priorityIds.length === 0) return;
  if (planId === null)
    throw fieldRefusal(
      'invalid_input',
      'claimedPriorityIds',
      'This round has no Police and Crime Plan, so no priorities can be claimed',
    );
  const found = ctx.store.organisations.priorityPlans(priorityIds);
  const foreign = priorityIds.filter((id) => found.find((p) => p.id === id)?.planId !== planId);
  if (foreign.length > 0)
    throw fieldRefusal(
      'invalid_input',
      'claimedPriorityIds',
      `Priorities ${foreign.join(', ')} are not in this round's plan`,
    );
}

/** A bid's request may not fall below what the round's allocation already gives it. */
function refuseRequestBelowAward(
  ctx: HandlerContext,
  roundId: number,
  bidId: number,
  ref: string,
  requestedPence: number,
) {
  const award = ctx.store.allocation.items(roundId).find((i) => i.bidId === bidId);
  if (award && award.amountPence > requestedPence)
    throw fieldRefusal(
      'conflict',
      'requestedPence',
      `${ref} is already allocated ${formatMoney(award.amountPence)}: its request cannot fall to ` +
        `${formatMoney(requestedPence)}. Reduce its allocation first`,
    );
}

type BidInput = Omit<ParsedInput<'bids:update'>, 'id'>;

function bidValues(input: BidInput, partnershipId: number) {
  return {
    ref: input.ref,
    partnershipId,
    title: input.title,
    summary: input.summary,
    requestedPence: input.requestedPence,
    reducedPence: input.reducedPence,
    reductionNote: input.reductionNote,
    statedTotalPence: input.statedTotalPence,
    durationText: input.durationText,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    matchFundingPence: input.matchFundingPence,
    status: input.status,
    statusReason: input.statusReason,
  };
}

function writeParts(ctx: HandlerContext, bidId: number, input: BidInput) {
  ctx.store.bids.replaceCostLines(bidId, input.costLines);
  ctx.store.bids.replaceSections(bidId, input.sections);
  ctx.store.bids.replaceClaims(bidId, input.claimedPriorityIds);
  ctx.store.bids.reindex([bidId]);
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function roundDashboard(ctx: ReadContext, roundId: number): RoundDashboard {
  const round = mustGetRound(ctx, roundId);
  const everyBid = listBids(ctx, roundId);
  const bids = everyBid.filter((b) => b.status !== 'withdrawn');
  const stated = ctx.store.bids.scheduleTotals(roundId);
  const statedOf = new Map(stated.map((s) => [s.partnershipId, s.statedPence]));
  const byPartnership = new Map<number, RoundDashboard['partnerships'][number]>();
  for (const bid of bids) {
    const entry = byPartnership.get(bid.partnershipId) ?? {
      partnershipId: bid.partnershipId,
      partnership: bid.partnership,
      bidCount: 0,
      requestedPence: 0,
      reducedRequestedPence: 0,
      statedPence: statedOf.get(bid.partnershipId) ?? null,
      flaggedBidCount: 0,
    };
    entry.bidCount += 1;
    entry.requestedPence += bid.requestedPence;
    entry.reducedRequestedPence += Math.min(bid.reducedPence ?? bid.requestedPence, bid.requestedPence);
    if (bid.flags.some((f) => f.severity === 'problem')) entry.flaggedBidCount += 1;
    byPartnership.set(bid.partnershipId, entry);
  }
  const flags: Flag[] = stated.flatMap((s) => {
    const figures = byPartnership.get(s.partnershipId);
    return subtotalFlags({
      partnership: s.partnership,
      label: s.label,
      statedPence: s.statedPence,
      statedReducedPence: s.statedReducedPence,
      bidsRequestedPence: figures?.requestedPence ?? 0,
      bidsReducedPence: figures?.reducedRequestedPence ?? 0,
    });
  });
  const withoutCostLines = roundWithoutCostLines(bids);
  if (withoutCostLines) flags.push(withoutCostLines);
  const bidsByStatus: Record<string, number> = {};
  for (const bid of everyBid) bidsByStatus[bid.status] = (bidsByStatus[bid.status] ?? 0) + 1;
  const bidding = new Set(byPartnership.keys());
  return {
    round,
    ...oversubscription(round),
    partnerships: [...byPartnership.values()].sort((a, b) =>
      a.partnership.localeCompare(b.partnership, 'en-GB'),
    ),
    partnershipsWithoutBids: ctx.store.organisations
      .listPartnerships()
      .filter((p) => !bidding.has(p.id) && p.area !== null)
      .map((p) => p.name),
    flaggedBidCount: bids.filter((b) => b.flags.some((f) => f.severity === 'problem')).length,
    flags,
    bidsByStatus,
  };
}

export const bidHandlers = {
  'bids:list': (input: ParsedInput<'bids:list'>, ctx: ReadContext) => listBids(ctx, input.roundId),

  'bids:get': (input: ParsedInput<'bids:get'>, ctx: ReadContext) => getBid(ctx, input.id),

  'bids:create': (input: ParsedInput<'bids:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const round = mustGetOpenRound(ctx, input.roundId);
      if (ctx.store.bids.findByRef(input.roundId, input.ref))
        throw fieldRefusal('conflict', 'ref', `${input.ref} is already a bid in this round`);
      refuseForeignPriorities(ctx, round.planId, input.claimedPriorityIds);
      const now = ctx.now();
      const id = ctx.store.bids.insert(
        { roundId: input.roundId, ...bidValues(input, resolvePartnership(ctx, input.partnership, now)) },
        now,
      );
      writeParts(ctx, id, input);
      // Checked once written, inside the transaction: a refusal here undoes the write.
      refuseRoundTotalPastLimit(ctx, input.roundId, { requestedPence: 0, reducedRequestedPence: 0 });
      return getBid(ctx, id);
    }),

  'bids:update': (input: ParsedInput<'bids:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = ctx.store.bids.get(input.id);
      if (!current) throw notFound(`Bid ${input.id}`);
      const round = mustGetOpenRound(ctx, current.roundId);
      if (ctx.store.bids.findByRef(current.roundId, input.ref, input.id))
        throw fieldRefusal('conflict', 'ref', `${input.ref} is already a bid in this round`);
      refuseForeignPriorities(ctx, round.planId, input.claimedPriorityIds);
      refuseRequestBelowAward(ctx, round.id, current.id, current.ref, input.requestedPence);
      const now = ctx.now();
      ctx.store.bids.update(input.id, bidValues(input, resolvePartnership(ctx, input.partnership, now)), now);
      writeParts(ctx, input.id, input);
      refuseRoundTotalPastLimit(ctx, current.roundId, { requestedPence: 0, reducedRequestedPence: 0 });
      return getBid(ctx, input.id);
    }),

  'rounds:dashboard': (input: ParsedInput<'rounds:dashboard'>, ctx: ReadContext) =>
    roundDashboard(ctx, input.id),

  'search:query': (input: ParsedInput<'search:query'>, ctx: ReadContext) => {
    // Each word becomes a quoted prefix term, so punctuation in what people type cannot break
    // the FTS5 query syntax.
    const terms = input.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) throw new Refusal('invalid_input', 'Enter a word or reference to search for');
    const match = terms.map((t) => `"${t}"*`).join(' ');
    return ctx.store.bids.search(match, input.roundId, 50);
  },

  'partnerships:list': (_input: object, ctx: ReadContext) => ctx.store.organisations.listPartnerships(),

  'plans:list': (_input: object, ctx: ReadContext) => ctx.store.organisations.listPlans(),

  'plans:create': (input: ParsedInput<'plans:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      if (ctx.store.organisations.findPlanByTitle(input.title))
        throw fieldRefusal('conflict', 'title', `There is already a plan called "${input.title}"`);
      const codes = new Set<string>();
      const walk = (nodes: ParsedInput<'plans:create'>['priorities']) =>
        nodes.forEach((node) => {
          if (codes.has(node.code.toLowerCase()))
            throw fieldRefusal('invalid_input', 'priorities', `The code ${node.code} is used twice`);
          codes.add(node.code.toLowerCase());
          walk(node.children);
        });
      walk(input.priorities);
      const id = ctx.store.organisations.createPlan(input.title, input.period, input.priorities, ctx.now());
      const plan = ctx.store.organisations.listPlans().find((p) => p.id === id);
      if (!plan) throw new Refusal('not_found', 'The plan was not saved');
      return plan;
    }),
};
