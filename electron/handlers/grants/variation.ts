import type { ParsedInput } from '../../../shared/contract';
import { variationChange } from '../../../shared/grants';
import { formatMoney } from '../../../shared/money';
import { actingPerson } from '../actor';
import type { HandlerContext, ReadContext } from '../context';
import { fieldRefusal, Refusal } from '../refusal';
import { grantOf } from './view';
import { mustBeOpen, writableGrant } from './writable';

// A change to a grant's amount after the decision. Within the threshold the office sets it is
// recorded as a variation; above it the change is a new decision, signed by the commissioner
// (a superseding notice), which then changes the grant itself (create.ts). Until the office sets
// a threshold it is £0: every change needs a decision.

export const VARIATION_THRESHOLD_KEY = 'grants.variation_threshold_pence';

export function variationThreshold(ctx: ReadContext): number {
  const stored = Number(ctx.store.people.setting(VARIATION_THRESHOLD_KEY) ?? 0);
  return Number.isSafeInteger(stored) && stored >= 0 ? stored : 0;
}

export function setThreshold(ctx: HandlerContext, input: ParsedInput<'grants:setThreshold'>) {
  return ctx.store.transaction(() => {
    ctx.store.people.setSetting(VARIATION_THRESHOLD_KEY, String(input.thresholdPence));
    return { thresholdPence: variationThreshold(ctx) };
  });
}

export function varyGrant(ctx: HandlerContext, input: ParsedInput<'grants:vary'>) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'it can no longer be varied');
    const g = found.row.grant;
    const s = found.summary;
    const threshold = variationThreshold(ctx);
    const { changePence: change, needsDecision } = variationChange(
      g.awardedPence,
      input.amountPence,
      threshold,
    );
    if (change === 0)
      throw new Refusal('invalid_input', `Grant ${s.ref} is already ${formatMoney(g.awardedPence)}`);
    const committed = s.paidPence + s.claimedPence;
    if (input.amountPence < committed)
      throw new Refusal(
        'conflict',
        `Grant ${s.ref} has ${formatMoney(committed)} paid or claimed already: it cannot be varied below that`,
      );
    if (needsDecision)
      throw fieldRefusal(
        'conflict',
        'amountPence',
        `A variation of ${formatMoney(change)} to grant ${s.ref} is above the office's threshold of ` +
          `${formatMoney(threshold)}: it needs a new signed decision. Draft a superseding notice ` +
          `(notice supersede --round ${input.roundId}), change the allocation and have it signed`,
      );
    const person = actingPerson(ctx, 'vary a grant');
    ctx.store.grants.addVariation({
      grantId: g.id,
      fromPence: g.awardedPence,
      toPence: input.amountPence,
      reason: input.reason,
      personId: person.id,
      createdAt: ctx.now(),
    });
    ctx.store.grants.update(g.id, { awardedPence: input.amountPence, updatedAt: ctx.now() });
    return grantOf(ctx, input.roundId, input.bidRef).detail();
  });
}
