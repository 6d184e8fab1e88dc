import { ukCalendarDate } from '../../../shared/dates';
import {
  daysBetween,
  RED_AFTER_DAYS,
  returnDueDates,
  worseRag,
  type GrantDetail,
  type GrantSummary,
  type Rag,
} from '../../../shared/grants';
import type { ClaimRow, GrantRow, ReturnRow } from '../../../db/queries/grants';
import type { ReadContext } from '../context';
import { notFound } from '../refusal';
import { mustGetRound } from '../round-lookup';

// A round's grants as people read them: money awarded, paid and left, the returns due from the
// award date, what is overdue on a given day and the RAG rating that follows. Reads only.

type GrantWithBid = ReturnType<ReadContext['store']['grants']['forRound']>[number];

interface RoundDelivery {
  asOf: string;
  grants: { row: GrantWithBid; summary: GrantSummary; detail: () => GrantDetail }[];
}

export const today = (ctx: ReadContext) => ukCalendarDate(ctx.now());

/** The day each return falls due: quarterly from the award until the project's or its money's end. */
export function dueDatesOf(grant: GrantRow, endsOn: string | null, years: string[]): string[] {
  const lastYear = years.at(-1);
  const fyEnd = (fy: string) => `${Number(fy.slice(0, 4)) + 1}-03-31`;
  const awardYear = Number(grant.awardedOn.slice(0, 4)) - (Number(grant.awardedOn.slice(5, 7)) < 4 ? 1 : 0);
  const until = endsOn ?? (lastYear ? fyEnd(lastYear) : `${awardYear + 1}-03-31`);
  return returnDueDates(grant.awardedOn, until);
}

export function roundDelivery(ctx: ReadContext, roundId: number, asOf = today(ctx)): RoundDelivery {
  mustGetRound(ctx, roundId);
  const rows = ctx.store.grants.forRound(roundId);
  const years = ctx.store.grants.years(roundId);
  const claims = ctx.store.grants.claims(roundId);
  const returns = ctx.store.grants.returns(roundId);
  const names = ctx.store.grants.personNames();
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? `person ${id}`));
  return {
    asOf,
    grants: rows.map((row) => {
      const g = row.grant;
      const own = {
        years: years.filter((y) => y.grantId === g.id),
        claims: claims.filter((c) => c.grantId === g.id),
        returns: returns.filter((r) => r.grantId === g.id),
      };
      const summary = summarise(row, own, asOf);
      const detail = (): GrantDetail => ({
        ...summary,
        conditions: g.conditions,
        diligence: {
          bankConfirmed: g.bankConfirmed,
          accountableBody: g.accountableBody,
          conflicts: g.conflicts,
          fraudRisk: g.fraudRisk,
          reason: g.fraudReason,
          by: name(g.diligenceBy),
          at: g.diligenceAt,
        },
        agreement: {
          recipientSignedBy: g.recipientSignedBy,
          recipientSignedOn: g.recipientSignedOn,
          officeSignedBy: name(g.officeSignedBy),
          officeSignedOn: g.officeSignedOn,
        },
        matchCommittedPence: row.matchFundingPence,
        matchReportedPence: own.claims.reduce((s, c) => s + (c.matchPence ?? 0), 0),
        years: own.years.map((y) => ({
          financialYear: y.financialYear,
          allocationPence: y.allocationPence,
          claimedPence: own.claims
            .filter((c) => c.financialYear === y.financialYear)
            .reduce((s, c) => s + c.amountPence, 0),
        })),
        scheduleTotal: scheduleTotalOf(own.years, g.awardedPence),
        claims: own.claims.map((c) => claimView(c, name)),
        returns: dueDatesOf(
          g,
          row.endsOn,
          own.years.map((y) => y.financialYear),
        ).map((dueOn) => {
          const got = own.returns.find((r) => r.dueOn === dueOn);
          return {
            dueOn,
            receivedOn: got?.receivedOn ?? null,
            late: got ? got.receivedOn > dueOn : asOf > dueOn && open(g),
            rag: got?.rag ?? null,
            spendToDatePence: got?.spendToDatePence ?? null,
          };
        }),
        variations: variationsOf(ctx, g.id, name),
        finalReport: g.finalReport,
        closedOn: g.closedOn,
        clawbackPence: g.clawbackPence,
      });
      return { row, summary, detail };
    }),
  };
}

type Names = (id: number | null) => string | null;

/** The schedule's years summed and compared with the award, here only, for every face that shows it. */
export function scheduleTotalOf(
  years: { allocationPence: number }[],
  awardedPence: number,
): GrantDetail['scheduleTotal'] {
  if (years.length === 0) return null;
  const scheduledPence = years.reduce((sum, y) => sum + y.allocationPence, 0);
  return { scheduledPence, awardedPence, addsUp: scheduledPence === awardedPence };
}

function claimView(c: ClaimRow, name: Names): GrantDetail['claims'][number] {
  return {
    id: c.id,
    period: c.period,
    financialYear: c.financialYear,
    amountPence: c.amountPence,
    matchPence: c.matchPence,
    status: c.status,
    recordedBy: name(c.recordedBy) ?? '',
    recordedAt: c.recordedAt,
    approvedBy: name(c.approvedBy),
    approvedAt: c.approvedAt,
  };
}

/** One grant's variations within the threshold, oldest first (read only when its detail is asked for). */
function variationsOf(ctx: ReadContext, grantId: number, name: Names): GrantDetail['variations'] {
  return ctx.store.grants.variations(grantId).map((v) => ({
    fromPence: v.fromPence,
    toPence: v.toPence,
    reason: v.reason,
    by: name(v.personId),
    at: v.createdAt,
  }));
}

const open = (g: GrantRow) => g.status !== 'closed' && g.status !== 'clawed_back';

export const diligenceComplete = (g: GrantRow) =>
  g.bankConfirmed && Boolean(g.accountableBody) && g.fraudRisk !== null && Boolean(g.fraudReason);

function summarise(
  row: GrantWithBid,
  own: { years: { financialYear: string }[]; claims: ClaimRow[]; returns: ReturnRow[] },
  asOf: string,
): GrantSummary {
  const g = row.grant;
  const paidPence = own.claims.filter((c) => c.status === 'paid').reduce((s, c) => s + c.amountPence, 0);
  const claimedPence = own.claims
    .filter((c) => c.status === 'recorded')
    .reduce((s, c) => s + c.amountPence, 0);
  const due = dueDatesOf(
    g,
    row.endsOn,
    own.years.map((y) => y.financialYear),
  );
  const received = new Set(own.returns.map((r) => r.dueOn));
  const outstanding = open(g) ? due.filter((d) => !received.has(d)) : [];
  const overdue = outstanding.filter((d) => d < asOf).map((dueOn) => ({ kind: 'return' as const, dueOn }));
  const last = own.returns.at(-1);
  let rag: Rag = last?.rag ?? 'green';
  if (overdue.length > 0) rag = worseRag(rag, 'amber');
  if (overdue.some((o) => daysBetween(o.dueOn, asOf) > RED_AFTER_DAYS)) rag = 'red';
  if (g.status === 'clawed_back') rag = 'red';
  return {
    ref: row.ref,
    title: row.title,
    partnership: row.partnership,
    awardedPence: g.awardedPence,
    paidPence,
    claimedPence,
    remainingPence: g.awardedPence - paidPence,
    status: g.status,
    awardedOn: g.awardedOn,
    diligenceComplete: diligenceComplete(g),
    nextReturnDue: outstanding[0] ?? null,
    lastReturn: last ? { dueOn: last.dueOn, receivedOn: last.receivedOn, rag: last.rag } : null,
    overdue,
    rag,
  };
}

/** One grant of a round by its bid's reference, with the rest of the round's delivery. */
export function grantOf(ctx: ReadContext, roundId: number, bidRef: string, asOf?: string) {
  const delivery = roundDelivery(ctx, roundId, asOf);
  const found = delivery.grants.find((g) => g.row.ref.toLowerCase() === bidRef.trim().toLowerCase());
  if (!found) {
    const bid = ctx.store.bids.findByRef(roundId, bidRef.trim());
    throw bid
      ? notFound(`A grant for bid ${bid.ref} (it was not awarded money by a signed decision)`)
      : notFound(`Bid ${bidRef.trim()} in round ${roundId}`);
  }
  return found;
}
