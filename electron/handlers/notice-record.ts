import { formatDate } from '../../shared/dates';
import type { HandlerContext } from './context';
import { Refusal } from './refusal';

// A round's decision notices as stored, and the rule that a signed one fixes the decision.

export type NoticeRow = NonNullable<ReturnType<HandlerContext['store']['notices']['get']>>;

/** The notice the round stands on: the newest one. */
export function latestNotice(ctx: HandlerContext, roundId: number): NoticeRow | undefined {
  return ctx.store.notices.forRound(roundId)[0];
}

/** Refuses any change to what a signed notice decided, until a superseding notice is drafted. */
export function assertNotSigned(ctx: HandlerContext, roundId: number, what: string) {
  const notice = latestNotice(ctx, roundId);
  if (notice?.status === 'signed') {
    throw new Refusal(
      'conflict',
      `Decision ${notice.number} was signed on ${formatDate(notice.signedOn ?? notice.updatedAt)}: ${what} cannot change now. Draft a superseding notice to change the decision.`,
    );
  }
}
