import type { HandlerContext } from '../context';
import { Refusal } from '../refusal';
import { ensureGrants } from './create';
import { grantOf } from './view';

/** A grant about to be changed: made first if its signed round predates grants (inside the write). */
export function writableGrant(ctx: HandlerContext, roundId: number, bidRef: string) {
  ensureGrants(ctx, roundId);
  return grantOf(ctx, roundId, bidRef);
}

/** Refuses a change to a grant that is closed or clawed back. */
export function mustBeOpen(found: ReturnType<typeof grantOf>, action: string): void {
  const { status } = found.row.grant;
  if (status === 'closed' || status === 'clawed_back')
    throw new Refusal(
      'conflict',
      `Grant ${found.row.ref} is ${status === 'closed' ? 'closed' : 'clawed back'}: ${action}`,
    );
}
