import { BOARD_VIEW_LABELS } from '../../shared/assessment';
import { wordingSchema } from '../../shared/notices';
import { allocationFor } from './allocation';
import { roundDashboard } from './dashboard';
import type { ReadContext } from './context';
import type { NoticeBid, NoticeData } from './exports/notice-types';
import type { NoticeRow } from './notice-record';
import { officeSettings } from './office';
import { rankingFor } from './ranking';
import { mustGetRound } from './round-lookup';

// What a notice says: drawn from the record while it is a draft, the frozen content once signed.

/**
 * `rankOrder`: list the funded bids of a draft in rank order (false: by reference, for a reader
 * whom blind scoring keeps from the ranking). A signed notice keeps the order it was signed in.
 */
// long-function: gathers every figure a notice states in one place, so its Word and PDF agree
export function noticeData(ctx: ReadContext, notice: NoticeRow, rankOrder = true): NoticeData {
  if (notice.content)
    return {
      ...(JSON.parse(notice.content) as NoticeData),
      fingerprint: notice.fingerprint,
      keyFingerprint: notice.signerKeyFingerprint,
    };
  const round = mustGetRound(ctx, notice.roundId);
  const dashboard = roundDashboard(ctx, round.id);
  const allocation = allocationFor(ctx, round.id);
  const order = new Map((rankOrder ? rankingOrder(ctx, round.id) : []).map((ref, i) => [ref, i]));
  const bids = ctx.store.bids.listForRound(round.id).filter((b) => b.status !== 'withdrawn');
  // Each bid's award and board views found by id, not searched for per bid: at 20,000 bids a search
  // per bid was hundreds of millions of comparisons.
  const itemOf = new Map(allocation.items.map((i) => [i.bidId, i]));
  const asNoticeBid = (b: (typeof bids)[number]): NoticeBid => {
    const item = itemOf.get(b.id);
    return {
      ref: b.ref,
      partnership: b.partnership,
      title: b.title,
      requestedPence: b.requestedPence,
      reducedPence: b.reducedPence,
      awardedPence: item?.amountPence ?? null,
      conditions: item?.conditions ?? '',
      reason: item?.reason ?? '',
      crimeReduction: item?.crimeReduction ?? '',
    };
  };
  const byRef = new Intl.Collator('en-GB', { numeric: true }).compare;
  const byRank = (a: NoticeBid, b: NoticeBid) =>
    (order.get(a.ref) ?? 999) - (order.get(b.ref) ?? 999) || byRef(a.ref, b.ref);
  const noticeBids = bids.map(asNoticeBid);
  const views = ctx.store.board.views(round.id);
  const viewsOf = new Map<number, typeof views>();
  for (const v of views) viewsOf.set(v.bidId, [...(viewsOf.get(v.bidId) ?? []), v]);
  const supersedes = notice.supersedesId
    ? (ctx.store.notices.get(notice.supersedesId)?.number ?? null)
    : null;
  const office = officeSettings(ctx);
  const wording = wordingSchema.parse(JSON.parse(notice.wording));
  return {
    marking: notice.marking,
    number: notice.number,
    title: notice.title,
    contact: { officer: office.contactOfficer, telephone: office.telephone, email: office.email },
    wording,
    executiveSummary: notice.executiveSummary,
    background: notice.background,
    fund: round.fund,
    roundName: round.name,
    financialYear: round.financialYear,
    budgetPence: round.budgetPence,
    commitments: round.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
    availablePence: round.availablePence,
    requestedPence: round.requestedPence,
    bidCount: round.bidCount,
    partnershipCount: dashboard.partnerships.length,
    noBidFrom: dashboard.partnershipsWithoutBids,
    board:
      views.length === 0 && !notice.boardName && !notice.boardDate
        ? null
        : {
            name: notice.boardName,
            // The meeting the office names; else the date typed with the views, if any.
            meetingOn: notice.boardDate ?? views.find((v) => v.meetingOn)?.meetingOn ?? null,
            summary: bids
              .filter((b) => viewsOf.has(b.id))
              .map(
                (b) =>
                  `${b.ref}: ${(viewsOf.get(b.id) ?? [])
                    .map(
                      (v) =>
                        `${BOARD_VIEW_LABELS[v.view].toLowerCase()}${v.comment ? ` (${v.comment})` : ''}`,
                    )
                    .join('; ')}`,
              ),
          },
    decisions: noticeBids.filter((b) => b.awardedPence !== null).sort(byRank),
    awardedPence: allocation.allocatedPence,
    remainingPence: allocation.remainingPence,
    appendixA: [...noticeBids].sort((a, b) => byRef(a.ref, b.ref)),
    appendixB: notice.includeAppendixB ? appendixB(ctx, round.id, bids) : null,
    signature: notice.signedBy
      ? {
          name: notice.signedBy,
          role: notice.signedRole ?? wording.signatoryRole,
          date: notice.signedOn ?? '',
          interests: notice.interests ?? '',
        }
      : null,
    fingerprint: notice.fingerprint,
    draft: notice.status !== 'signed' && notice.status !== 'superseded',
    demoNotice: round.demoNotice,
    supersedes,
  };
}

/** Each bid's business case sections, read for the whole round at once rather than a bid at a time. */
function appendixB(ctx: ReadContext, roundId: number, bids: { id: number; ref: string; title: string }[]) {
  const sectionsOf = new Map<number, { heading: string; body: string }[]>();
  for (const { bidId, heading, body } of ctx.store.bids.sectionsForRound(roundId))
    sectionsOf.set(bidId, [...(sectionsOf.get(bidId) ?? []), { heading, body }]);
  return bids.map((b) => ({ ref: b.ref, title: b.title, sections: sectionsOf.get(b.id) ?? [] }));
}

function rankingOrder(ctx: ReadContext, roundId: number): string[] {
  return ctx.store.frameworks.forRound(roundId) ? rankingFor(ctx, roundId).map((r) => r.ref) : [];
}
