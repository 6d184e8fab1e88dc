import * as z from 'zod';
import { formatDate, parseIsoDate } from './dates';
import { idSchema, isoDateSchema, penceSchema, requiredText } from './schemas';
import {
  FRAUD_RISKS,
  GRANT_STATUSES,
  GRANT_STATUS_LABELS,
  RAGS,
  RAG_LABELS,
  type GrantStatus,
  type Rag,
} from './grant-terms';

export { FRAUD_RISKS, GRANT_STATUSES, GRANT_STATUS_LABELS, RAGS, RAG_LABELS, type GrantStatus, type Rag };

// After the award: a grant for every award of a signed decision, followed through due diligence,
// its agreement, claims paid quarterly in arrears, monitoring returns and its final report.
// The pure rules here (quarters, due dates, RAG) are shared by the handlers and the pages.

/** A return more than this many days overdue turns a grant red. */
export const RED_AFTER_DAYS = 30;

/**
 * The change a new amount makes to a grant, and whether it is above the office's variation threshold,
 * so that it needs a new signed decision (a superseding notice) rather than a variation.
 */
export function variationChange(awardedPence: number, newPence: number, thresholdPence: number) {
  const changePence = Math.abs(newPence - awardedPence);
  return { changePence, needsDecision: changePence > thresholdPence };
}

// ---- Quarters and due dates -------------------------------------------------------------------

const PERIOD = /^(\d{4})-(\d{2})-Q([1-4])$/;

/** `2026-27-Q1` → April to June 2026; null when it is not a financial quarter. */
export function parsePeriod(text: string): { financialYear: string; start: string; end: string } | null {
  const match = PERIOD.exec(text.trim());
  if (!match) return null;
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) return null;
  const quarter = Number(match[3]);
  const firstMonth = 4 + (quarter - 1) * 3; // 4, 7, 10, 13 (January of the next year)
  const year = firstMonth > 12 ? startYear + 1 : startYear;
  const month = ((firstMonth - 1) % 12) + 1;
  const lastMonth = month + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    financialYear: `${match[1]}-${match[2]}`,
    start: iso(year, month, 1),
    end: iso(year, lastMonth, lastDay),
  };
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `date` plus `months` calendar months, kept to the month's last day (31 January + 1 → 28 February). */
export function addMonths(date: string, months: number): string {
  const d = parseIsoDate(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d.day, last));
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The return due dates of a grant: one each quarter from its award date, until the quarter that
 * reaches `until` (the project's end, or the end of its last financial year of money).
 */
export function returnDueDates(awardedOn: string, until: string): string[] {
  const dates: string[] = [];
  for (let k = 1; k <= 40; k++) {
    const due = addMonths(awardedOn, 3 * k);
    dates.push(due);
    if (due >= until) break;
  }
  return dates;
}

// ---- The contract's schemas --------------------------------------------------------------------

const bidRef = z.string().trim().min(1, { error: 'Name the bid (its reference, like S1)' }).max(40);
const grantRef = { roundId: idSchema, bidRef };
const asOf = isoDateSchema('--as-of').optional();

export const grantListInputSchema = z.object({ roundId: idSchema, asOf });
export const grantRefInputSchema = z.object({ ...grantRef, asOf });

export const overdueSchema = z.object({ kind: z.literal('return'), dueOn: z.string() });

export const grantSummarySchema = z.object({
  ref: z.string(),
  title: z.string(),
  partnership: z.string(),
  awardedPence: z.number().int(),
  paidPence: z.number().int(),
  /** Recorded claims not yet paid. */
  claimedPence: z.number().int(),
  remainingPence: z.number().int(),
  status: z.enum(GRANT_STATUSES),
  awardedOn: z.string(),
  diligenceComplete: z.boolean(),
  nextReturnDue: z.string().nullable(),
  lastReturn: z.object({ dueOn: z.string(), receivedOn: z.string(), rag: z.enum(RAGS) }).nullable(),
  overdue: z.array(overdueSchema),
  rag: z.enum(RAGS),
});
export type GrantSummary = z.infer<typeof grantSummarySchema>;

export const claimSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  financialYear: z.string(),
  amountPence: z.number().int(),
  matchPence: z.number().int().nullable(),
  status: z.enum(['recorded', 'paid']),
  recordedBy: z.string(),
  recordedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});

export const grantDetailSchema = grantSummarySchema.extend({
  conditions: z.string(),
  diligence: z.object({
    bankConfirmed: z.boolean(),
    accountableBody: z.string().nullable(),
    conflicts: z.string().nullable(),
    fraudRisk: z.enum(FRAUD_RISKS).nullable(),
    reason: z.string().nullable(),
    by: z.string().nullable(),
    at: z.string().nullable(),
  }),
  agreement: z.object({
    recipientSignedBy: z.string().nullable(),
    recipientSignedOn: z.string().nullable(),
    officeSignedBy: z.string().nullable(),
    officeSignedOn: z.string().nullable(),
  }),
  matchCommittedPence: z.number().int().nullable(),
  matchReportedPence: z.number().int(),
  years: z.array(
    z.object({
      financialYear: z.string(),
      allocationPence: z.number().int(),
      claimedPence: z.number().int(),
    }),
  ),
  /**
   * The schedule's years added up beside the award (null while no schedule is set). A variation
   * changes the award but not the years, so the two can part: `addsUp` is false until it is set again.
   */
  scheduleTotal: z
    .object({ scheduledPence: z.number().int(), awardedPence: z.number().int(), addsUp: z.boolean() })
    .nullable(),
  claims: z.array(claimSchema),
  returns: z.array(
    z.object({
      dueOn: z.string(),
      receivedOn: z.string().nullable(),
      late: z.boolean(),
      rag: z.enum(RAGS).nullable(),
      spendToDatePence: z.number().int().nullable(),
    }),
  ),
  /** Changes to the amount within the office's threshold, oldest first. */
  variations: z.array(
    z.object({
      fromPence: z.number().int(),
      toPence: z.number().int(),
      reason: z.string(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
  finalReport: z.string().nullable(),
  closedOn: z.string().nullable(),
  clawbackPence: z.number().int().nullable(),
});
export type GrantDetail = z.infer<typeof grantDetailSchema>;

export const diligenceInputSchema = z.object({
  ...grantRef,
  bankConfirmed: z.boolean(),
  accountableBody: requiredText('accountable body', 300),
  conflicts: z.string().trim().max(2_000).optional(),
  fraudRisk: z.enum(FRAUD_RISKS, { error: 'The fraud risk is low, medium or high' }),
  reason: requiredText('reason for the fraud risk rating', 2_000),
});

export const signAgreementInputSchema = z.object({
  ...grantRef,
  party: z.enum(['recipient', 'office'], { error: 'The party is recipient or office' }),
  /** The recipient's signatory, by name (the office's is whoever records it). */
  signatory: z.string().trim().max(200).optional(),
  signedOn: isoDateSchema('The signing date').optional(),
});

export const scheduleInputSchema = z.object({
  ...grantRef,
  years: z
    .array(
      z.object({
        financialYear: z
          .string()
          .regex(/^\d{4}-\d{2}$/, { error: 'Write each financial year like 2026-27' })
          .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), {
            error: 'A financial year runs into the next year, like 2026-27',
          }),
        allocationPence: penceSchema("A year's money"),
      }),
    )
    .min(1, { error: 'Give at least one financial year and its money' })
    .max(20),
});

export const varyInputSchema = z.object({
  ...grantRef,
  amountPence: penceSchema('The new amount'),
  reason: requiredText('reason for the variation', 2_000),
});

export const thresholdInputSchema = z.object({ thresholdPence: penceSchema('The threshold') });

export const closeInputSchema = z.object({
  ...grantRef,
  finalReport: requiredText('final report', 20_000),
  clawbackPence: penceSchema('The amount clawed back').optional(),
});

export const claimAddInputSchema = z.object({
  ...grantRef,
  amountPence: penceSchema('The claim').refine((v) => v > 0, { error: 'The claim must be more than £0' }),
  period: z
    .string()
    .trim()
    .refine((v) => parsePeriod(v) !== null, {
      error: 'Write the period as a financial quarter, like 2026-27-Q1',
    }),
  matchPence: penceSchema('The match funding').optional(),
});
export const claimApproveInputSchema = z.object({ roundId: idSchema, claimId: idSchema });
export const claimResultSchema = z.object({ id: z.number().int(), status: z.enum(['recorded', 'paid']) });

export const returnImportResultSchema = z.object({
  ref: z.string(),
  dueOn: z.string(),
  receivedOn: z.string(),
  late: z.boolean(),
  rag: z.enum(RAGS),
});

export const deliveryReportSchema = z.object({
  round: z.string(),
  asOf: z.string(),
  grants: z.array(grantSummarySchema),
  partnerships: z.array(
    z.object({
      partnership: z.string(),
      grants: z.number().int(),
      awardedPence: z.number().int(),
      paidPence: z.number().int(),
      remainingPence: z.number().int(),
      overdue: z.number().int(),
      rag: z.enum(RAGS),
    }),
  ),
  totals: z.object({
    awardedPence: z.number().int(),
    paidPence: z.number().int(),
    remainingPence: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type DeliveryReport = z.infer<typeof deliveryReportSchema>;

/** The worse of two RAG ratings. */
export const worseRag = (a: Rag, b: Rag): Rag => (RAGS.indexOf(a) >= RAGS.indexOf(b) ? a : b);

/** The last return as people read it: the day it came and, when after its due date, that it was late. */
export function lastReturnWords(last: GrantSummary['lastReturn']): string {
  if (!last) return 'None yet';
  const on = formatDate(last.receivedOn);
  return last.receivedOn > last.dueOn ? `${on}, late (due ${formatDate(last.dueOn)})` : on;
}
