import { formatMoney } from './money';

// The default suggestion: fund in rank order, as UK grant panels do, and explain every departure.
//
// Walk the eligible bids in rank order. Give each its full amount where that fits in what is left,
// else its offered reduced amount where that fits, else nothing, and go on to the next. Then, in
// rank order again, raise reduced awards to the full amount where the remainder allows. Money is
// integer pence throughout.
//
// What this guarantees (tests/shared/rank-order.test.ts checks it on random rounds): the total never
// exceeds the money; no bid gets more than it asked; and a bid left out could not have been funded
// even by taking away everything given to any lower-ranked bid, because it did not fit at its turn
// and everything given after its turn came out of what was then left.

export const RANK_ORDER_EXPLANATION =
  'Bids are funded in rank order: each eligible bid gets its full amount where it fits in what is left, ' +
  'else its offered reduced amount where that fits, else nothing and the next is tried; then, in rank ' +
  'order, reduced awards are raised to full where the remainder allows.';

export interface RankOrderBid {
  bidId: number;
  ref: string;
  /** Its place in the ranking (1 is best). */
  rank: number;
  requestedPence: number;
  reducedPence: number | null;
}

export interface RankOrderItem {
  bidId: number;
  ref: string;
  option: 'full' | 'reduced';
  amountPence: number;
}

export interface RankOrderSuggestion {
  items: RankOrderItem[];
  allocatedPence: number;
  /** Eligible bids given nothing, each with the reason in plain words. */
  excluded: { bidId: number; ref: string; reason: string }[];
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The reduced amount a bid offers, when it is a real reduction. */
export function offeredReduction(bid: { requestedPence: number; reducedPence: number | null }) {
  const r = bid.reducedPence;
  return r !== null && r > 0 && r < bid.requestedPence ? r : null;
}

/** The least a bid can be given under the full-or-reduced rule. */
export function smallestOption(bid: { requestedPence: number; reducedPence: number | null }): number {
  return offeredReduction(bid) ?? bid.requestedPence;
}

/** Bids must be given in rank order (best first) and be the eligible ones only. */
export function suggestInRankOrder(bids: RankOrderBid[], availablePence: number): RankOrderSuggestion {
  let left = availablePence;
  const given = new Map<number, RankOrderItem>();
  const excluded: RankOrderSuggestion['excluded'] = [];
  for (const bid of bids) {
    if (bid.requestedPence <= 0) continue;
    const reduced = offeredReduction(bid);
    if (bid.requestedPence <= left) {
      given.set(bid.bidId, {
        bidId: bid.bidId,
        ref: bid.ref,
        option: 'full',
        amountPence: bid.requestedPence,
      });
      left -= bid.requestedPence;
    } else if (reduced !== null && reduced <= left) {
      given.set(bid.bidId, { bidId: bid.bidId, ref: bid.ref, option: 'reduced', amountPence: reduced });
      left -= reduced;
    } else {
      const asked =
        reduced === null
          ? `its ${formatMoney(bid.requestedPence)}`
          : `its ${formatMoney(bid.requestedPence)}, or ${formatMoney(reduced)} reduced,`;
      excluded.push({
        bidId: bid.bidId,
        ref: bid.ref,
        reason: `ranked ${ordinal(bid.rank)}; ${asked} does not fit in the ${formatMoney(left)} left`,
      });
    }
  }
  // The rule's second step. After the walk above it finds no room (a bid took its reduction only
  // because its full amount did not fit in what was then left, and what is left only shrinks), but
  // it is the rule as boards state it, and it keeps the suggestion right if the walk changes.
  for (const bid of bids) {
    const item = given.get(bid.bidId);
    if (!item || item.option !== 'reduced') continue;
    const raise = bid.requestedPence - item.amountPence;
    if (raise <= left) {
      given.set(bid.bidId, { ...item, option: 'full', amountPence: bid.requestedPence });
      left -= raise;
    }
  }
  const items = bids.flatMap((b) => given.get(b.bidId) ?? []);
  return { items, allocatedPence: availablePence - left, excluded };
}
