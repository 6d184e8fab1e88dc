import { formatMoney } from './money';
import { ordinal, smallestOption } from './rank-order';

// Departures from the ranking: an award a board would ask about, which therefore needs a reason
// recorded beside it (shown on the board page and printed in the notice). A funded bid departs
// when it is not eligible on its scores (not fully scored, failed a gateway, below a criterion's
// minimum or the quality threshold), or when it is funded out of rank order: a better-ranked
// eligible bid gets nothing although its smallest option would fit in what is left once this
// bid's award is taken back. The rank-order suggestion never departs (see rank-order.ts).

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

/** Why a bid is not eligible on its scores, in words; null when it is. */
export function ineligibility(bid: DepartureBid): string | null {
  if (!bid.complete) return 'is not yet fully scored';
  if (bid.failedGateway) return 'failed a gateway';
  if (bid.belowMinimum) return 'is below a criterion’s minimum score';
  if (bid.belowThreshold) return 'is below the quality threshold';
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
  const result = new Map<number, string[]>();
  ranking.forEach((bid, index) => {
    const given = amount.get(bid.bidId) ?? 0;
    if (given <= 0) return;
    const reasons: string[] = [];
    const why = ineligibility(bid);
    if (why) reasons.push(`${bid.ref} ${why}`);
    else {
      const passedOver = ranking
        .slice(0, index)
        .find(
          (better) =>
            ineligibility(better) === null &&
            (amount.get(better.bidId) ?? 0) <= 0 &&
            smallestOption(better) <= left + given,
        );
      if (passedOver)
        reasons.push(
          `${bid.ref} (ranked ${ordinal(bid.rank)}) is funded while ${passedOver.ref} ` +
            `(ranked ${ordinal(passedOver.rank)}) gets nothing, though its ` +
            `${formatMoney(smallestOption(passedOver))} would fit`,
        );
    }
    if (reasons.length > 0) result.set(bid.bidId, reasons);
  });
  return result;
}
