// Suggesting an allocation within the money available.
//
// Each eligible bid gets its full amount, its offered reduced amount, or nothing. The aim is the
// largest sum, over funded bids, of weightedScore × (amount ÷ requested): a bid's score earned in
// proportion to the share of its request that is met. Every pound given to a bid therefore earns
// the same, weightedScore ÷ requested, whichever option it gets. That makes the problem a small
// knapsack with at most three choices per bid, solved exactly by depth-first branch and bound:
// bids are tried best value-per-pound first, and a branch is abandoned when even a fractional
// allocation of everything left (the greedy relaxation, an upper bound) cannot beat the best
// allocation found so far. Money is integer pence throughout; values are compared with a small
// tolerance so that ties resolve the same way every time (to the earlier bid in rank order).

export interface SuggestBid {
  bidId: number;
  ref: string;
  weightedScore: number;
  requestedPence: number;
  reducedPence: number | null;
}

export interface SuggestItem {
  bidId: number;
  ref: string;
  option: 'full' | 'reduced';
  amountPence: number;
}

export interface Suggestion {
  items: SuggestItem[];
  allocatedPence: number;
  value: number;
}

const EPSILON = 1e-9;

/** The value method in one sentence, for the screen and the command line. */
export const VALUE_EXPLANATION =
  'The most weighted score per pound within the money available: every pound given to a bid earns ' +
  'its score divided by what it asked, so this can pass over better-ranked bids, and adopting it ' +
  'needs a reason for each departure.';

export function suggestAllocation(
  bids: SuggestBid[],
  availablePence: number,
  nodeLimit = 5_000_000,
): Suggestion {
  const candidates = bids
    .filter((b) => b.requestedPence > 0 && b.weightedScore > 0)
    .map((b, order) => ({ ...b, order, density: b.weightedScore / b.requestedPence }))
    .sort((a, b) => b.density - a.density || a.order - b.order);
  const n = candidates.length;

  const bound = (index: number, room: number): number => {
    let value = 0;
    for (let i = index; i < n && room > 0; i++) {
      const c = candidates[i]!;
      const take = Math.min(room, c.requestedPence);
      value += take * c.density;
      room -= take;
    }
    return value;
  };

  const choice = new Array<number>(n).fill(0);
  let best = { value: -1, choice: [...choice] };
  let nodes = 0;

  const search = (index: number, room: number, value: number) => {
    nodes += 1;
    if (value > best.value + EPSILON) best = { value, choice: [...choice] };
    if (index === n || nodes > nodeLimit) return;
    if (value + bound(index, room) <= best.value + EPSILON) return;
    const c = candidates[index]!;
    const options = [
      c.requestedPence,
      ...(c.reducedPence !== null && c.reducedPence > 0 && c.reducedPence < c.requestedPence
        ? [c.reducedPence]
        : []),
      0,
    ];
    for (const amount of options) {
      if (amount > room) continue;
      choice[index] = amount;
      search(index + 1, room - amount, value + amount * c.density);
      choice[index] = 0;
    }
  };
  search(0, availablePence, 0);

  const items: SuggestItem[] = [];
  candidates.forEach((c, i) => {
    const amount = best.choice[i] ?? 0;
    if (amount > 0)
      items.push({
        bidId: c.bidId,
        ref: c.ref,
        option: amount === c.requestedPence ? 'full' : 'reduced',
        amountPence: amount,
      });
  });
  const order = new Map(bids.map((b, i) => [b.bidId, i]));
  items.sort((a, b) => (order.get(a.bidId) ?? 0) - (order.get(b.bidId) ?? 0));
  return {
    items,
    allocatedPence: items.reduce((sum, i) => sum + i.amountPence, 0),
    value: Math.max(best.value, 0),
  };
}
