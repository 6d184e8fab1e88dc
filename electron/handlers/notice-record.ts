import type { ReadContext } from './context';

// A round's decision notices as stored. (That a signed one fixes the decision is the rule book's.)

export type NoticeRow = NonNullable<ReturnType<ReadContext['store']['notices']['get']>>;

/** The notice the round stands on: the newest one. */
export function latestNotice(ctx: ReadContext, roundId: number): NoticeRow | undefined {
  return ctx.store.notices.forRound(roundId)[0];
}
