import { formatMoney } from './money';
import { ordinal, smallestOption } from './rank-order';

// Departures from the ranking: an award a board would ask about, which therefore needs a reason
// recorded beside it (shown on the board page and printed in the notice). A funded bid departs
// when it is not eligible on its scores (not fully scored, failed a gateway, below a criterion's
// minimum or the quality threshold), or when it is funded out of rank order: a better-ranked
// eligible bid gets nothing although its smallest option would fit if the awards to the bids
// ranked below it were taken back. The rank-order suggestion never departs (see rank-order.ts).

export interface DepartureBid {
  bidId: number;
  ref: string;
  rank: number;
  complete: boolean;
  failedGateway: boolean;
  belowMinimum: boolean;
  belowThreshold: boolean;
  requestedPence: number;
  reducedPence: number | null;
}

/**
 * Why a bid is not eligible on its scores, in words; null when it is. The one order of these checks,
 * used by departures and by the suggestion (electron/handlers/allocation.ts).
 */
export function ineligibility(bid: DepartureBid): string | null {
  if (!bid.complete) return 'is not yet fully scored';
  if (bid.failedGateway) return 'failed a gateway';
  if (bid.belowThreshold) return 'is below the quality threshold';
  if (bid.belowMinimum) return 'is below a criterion’s minimum score';
  return null;
}

/**
 * What each funded bid departs from, in words (empty when it follows the ranking). `ranking` is in
 * rank order; `items` the allocation as it would stand.
 */
export function departuresFor(
  ranking: DepartureBid[],
  items: { bidId: number; amountPence: number }[],
  availablePence: number,
): Map<number, string[]> {
  const amount = new Map(items.map((i) => [i.bidId, i.amountPence]));
  const allocated = items.reduce((sum, i) => sum + i.amountPence, 0);
  const left = availablePence - allocated;
  // A better-ranked eligible bid is passed over when it gets nothing although its smallest option
  // would fit in what is left plus everything given to the bids ranked below it.
  // What the bids ranked below each place were given, summed once from the bottom up (a sum per
  // bid over the rest of the ranking is quadratic, and rounds run to twenty thousand bids).
  const givenBelow: number[] = new Array<number>(ranking.length + 1).fill(0);
  for (let index = ranking.length - 1; index >= 0; index--)
    givenBelow[index] = (givenBelow[index + 1] ?? 0) + (amount.get(ranking[index]?.bidId ?? -1) ?? 0);
  const passedOver = ranking.filter((bid, index) => {
    if (ineligibility(bid) !== null || (amount.get(bid.bidId) ?? 0) > 0) return false;
    return smallestOption(bid) <= left + (givenBelow[index + 1] ?? 0);
  });
  // The best-ranked bid passed over is the one any worse-ranked award is set against.
  const best = passedOver.reduce<DepartureBid | undefined>(
    (found, bid) => (found === undefined || bid.rank < found.rank ? bid : found),
    undefined,
  );
  const result = new Map<number, string[]>();
  ranking.forEach((bid) => {
    const given = amount.get(bid.bidId) ?? 0;
    if (given <= 0) return;
    const why = ineligibility(bid);
    const over = best !== undefined && best.rank < bid.rank ? best : undefined;
    if (why) result.set(bid.bidId, [`${bid.ref} ${why}`]);
    else if (over)
      result.set(bid.bidId, [
        `${bid.ref} (ranked ${ordinal(bid.rank)}) is funded while ${over.ref} ` +
          `(ranked ${ordinal(over.rank)}) gets nothing, though its ` +
          `${formatMoney(smallestOption(over))} would fit`,
      ]);
  });
  return result;
}
