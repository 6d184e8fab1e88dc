import type { HandlerContext } from '../context';
import type { NoticeRow } from '../notice-record';

// A grant for every award of a signed decision. Signing (here, or on the commissioner's laptop and
// received in a pack: both end in recordSignedNotice) calls `grantsForSignedNotice`; rounds signed
// before grants existed got theirs from the migration that added them, and any still missing are
// made on the first delivery write (`ensureGrants`). A superseding decision changes the awards it
// changes and adds the new ones; money already claimed stays with its grant.

export function grantsForSignedNotice(ctx: HandlerContext, notice: NoticeRow): void {
  if (ctx.store.packs.isCopy(notice.roundId)) return;
  const now = ctx.now();
  const awardedOn = notice.signedOn ?? now.slice(0, 10);
  for (const item of ctx.store.allocation.items(notice.roundId)) {
    const existing = ctx.store.grants.byBid(item.bidId);
    if (!existing) {
      ctx.store.grants.insert({
        roundId: notice.roundId,
        bidId: item.bidId,
        noticeId: notice.id,
        awardedPence: item.amountPence,
        awardedOn,
        conditions: item.conditions,
        createdAt: now,
        updatedAt: now,
      });
    } else if (existing.noticeId !== notice.id) {
      ctx.store.grants.update(existing.id, {
        noticeId: notice.id,
        awardedPence: item.amountPence,
        conditions: item.conditions,
        updatedAt: now,
      });
    }
  }
}

/** Makes the grants of a signed round that has none yet (a round signed before grants existed). */
export function ensureGrants(ctx: HandlerContext, roundId: number): void {
  const notice = ctx.store.notices.forRound(roundId).find((n) => n.status === 'signed');
  if (!notice) return;
  const round = ctx.store.rounds.get(roundId);
  if (round?.stage !== 'signed') return;
  const have = new Set(ctx.store.grants.forRound(roundId).map((g) => g.grant.bidId));
  if (ctx.store.allocation.items(roundId).every((i) => have.has(i.bidId))) return;
  grantsForSignedNotice(ctx, notice);
}
