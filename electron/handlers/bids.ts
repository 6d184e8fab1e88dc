import { createHash } from 'node:crypto';
import { bidFlags, costLinesTotal, lineProduct } from '../../shared/checks';
import type { BidDetail, BidSummary } from '../../shared/bids';
import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import type { HandlerContext, ReadContext } from './context';
import { resolvePartnership } from './partnerships';
import { fieldRefusal, notFound } from './refusal';
import { refuseRoundTotalPastLimit } from './money-limits';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Bids: listing, reading, recording and correcting them. The round's figures are in dashboard.ts,
// search in search.ts, partnerships in partnerships.ts and plans in plans.ts.

type Fund = { name: string; capPence: number | null };

function summarise(
  bid: ReturnType<ReadContext['store']['bids']['listForRound']>[number],
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
};
