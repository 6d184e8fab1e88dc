import type { ParsedInput } from '../../../shared/contract';
import { formatMoney } from '../../../shared/money';
import type { HandlerContext } from '../context';
import { fieldRefusal, Refusal } from '../refusal';
import { grantOf } from './view';
import { mustBeOpen, writableGrant } from './writable';

// Closing a grant records its final report; money recovered on closing marks it clawed back.

export function closeGrant(ctx: HandlerContext, input: ParsedInput<'grants:close'>) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'it is already closed');
    const g = found.row.grant;
    const s = found.summary;
    if (s.claimedPence > 0)
      throw new Refusal(
        'conflict',
        `Grant ${s.ref} has ${formatMoney(s.claimedPence)} claimed and not yet approved: approve the claim first`,
      );
    const clawback = input.clawbackPence ?? 0;
    if (clawback > s.paidPence)
      throw fieldRefusal(
        'invalid_input',
        'clawbackPence',
        `Only ${formatMoney(s.paidPence)} has been paid on grant ${s.ref}: ` +
          `${formatMoney(clawback)} cannot be clawed back`,
      );
    ctx.store.grants.update(g.id, {
      status: clawback > 0 ? 'clawed_back' : 'closed',
      finalReport: input.finalReport,
      closedOn: ctx.now().slice(0, 10),
      clawbackPence: clawback > 0 ? clawback : null,
      updatedAt: ctx.now(),
    });
    return grantOf(ctx, input.roundId, input.bidRef).detail();
  });
}
