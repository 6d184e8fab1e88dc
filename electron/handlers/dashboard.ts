import { oversubscription, roundWithoutCostLines, subtotalFlags, type Flag } from '../../shared/checks';
import type { ParsedInput } from '../../shared/contract';
import type { RoundDashboard } from '../../shared/dashboard';
import { listBids } from './bids';
import type { ReadContext } from './context';
import { mustGetRound } from './round-lookup';

// A round's figures: what each partnership asks, against what its schedule states, and the flags.

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
      .filter((p) => !bidding.has(p.id) && p.office)
      .map((p) => p.name),
    flaggedBidCount: bids.filter((b) => b.flags.some((f) => f.severity === 'problem')).length,
    flags,
    bidsByStatus,
  };
}

export const dashboardHandlers = {
  'rounds:dashboard': (input: ParsedInput<'rounds:dashboard'>, ctx: ReadContext) =>
    roundDashboard(ctx, input.id),
};
