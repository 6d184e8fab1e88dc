import type { ParsedInput } from '../../../shared/contract';
import type { Person } from '../../../shared/people';
import { actingPerson } from '../actor';
import type { HandlerContext } from '../context';
import { grantOf } from './view';
import { mustBeOpen, writableGrant } from './writable';

// Due diligence before the first payment (GovS 015, minimum requirement 7): the recipient's bank
// details confirmed, the accountable body, any conflicts, and a fraud risk rating with its reason.

/** Records due diligence as the acting person, or as `by` (recorded away from the office, received in a pack). */
export function recordDiligence(ctx: HandlerContext, input: ParsedInput<'grants:diligence'>, by?: Person) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'its due diligence can no longer change');
    const person = by ?? actingPerson(ctx, 'record due diligence');
    ctx.store.grants.update(found.row.grant.id, {
      bankConfirmed: input.bankConfirmed,
      accountableBody: input.accountableBody,
      conflicts: input.conflicts?.trim() || null,
      fraudRisk: input.fraudRisk,
      fraudReason: input.reason,
      diligenceBy: person.id,
      diligenceAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    return grantOf(ctx, input.roundId, input.bidRef).detail();
  });
}
