import { formatMoney, MAX_PENCE } from '../../shared/money';
import type { ReadContext } from './context';
import { Refusal } from './refusal';

// A round's totals (what its bids request, and request with their reductions) are held to the
// same largest amount as any one figure. Past it, sums stop being exact and the round's list,
// allocation and notice would all fail, so a write that would take a round past it is refused.

/** Refuses when adding these amounts to the round's current totals would pass MAX_PENCE. */
export function refuseRoundTotalPastLimit(
  ctx: ReadContext,
  roundId: number,
  added: { requestedPence: number; reducedRequestedPence: number },
): void {
  const round = ctx.store.rounds.get(roundId);
  if (!round) return;
  const requested = round.requestedPence + added.requestedPence;
  const reduced = round.reducedRequestedPence + added.reducedRequestedPence;
  if (requested > MAX_PENCE || reduced > MAX_PENCE)
    throw new Refusal(
      'invalid_input',
      `The bids of round "${round.name}" would then ask for ${requested > MAX_PENCE ? 'more than ' : ''}` +
        `${formatMoney(Math.min(requested, MAX_PENCE))} in all: Tranche holds at most ${formatMoney(MAX_PENCE)}`,
    );
}
