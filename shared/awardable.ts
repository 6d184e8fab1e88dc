import type { BidStatus } from './bids';
import { formatMoney } from './money';

// One rule for whether a bid may be given money, used by every path that puts an award in the
// allocation (setting one, applying a suggestion, adopting a scenario) and by the checks before the
// decision is sent for sign-off or signed, so that no path funds what another refuses.
//
// A bid withdrawn by its partnership, or found ineligible (with a recorded reason), cannot be funded
// at all; an award is never more than the bid requested. Scores do not decide this: a bid funded
// away from the ranking is allowed with a recorded reason (shared/departures.ts).

export interface AwardableBid {
  ref: string;
  status: BidStatus;
  requestedPence: number;
}

/** Whether a bid may be funded at all: withdrawn and ineligible bids may not. */
export function awardable(bid: { status: BidStatus }): boolean {
  return bid.status !== 'withdrawn' && bid.status !== 'ineligible';
}

/** Why `amountPence` may not be awarded to `bid`, each in words that name the bid; [] when it may. */
export function awardProblems(bid: AwardableBid, amountPence: number): string[] {
  const problems: string[] = [];
  if (!awardable(bid)) problems.push(`${bid.ref} is ${bid.status} and cannot be funded`);
  if (amountPence > bid.requestedPence)
    problems.push(
      `${bid.ref} is awarded ${formatMoney(amountPence)}, ` +
        `more than the ${formatMoney(bid.requestedPence)} it requested`,
    );
  return problems;
}
