import * as z from 'zod';
import { FRAUD_RISKS, GRANT_STATUSES, RAGS } from '../../../shared/grants';
import { ROLES } from '../../../shared/people';
import { bidContentSchema, roundContentSchema } from './round-copy';

// What a delivery pack and its return carry. The office sends a signed round's grants as they stand
// (awards, due diligence, agreement, schedule, claims and returns), with the bids they fund, so that
// the officer's copy applies the same rules as the office does (what remains, each year's money,
// which returns are due). The officer returns the due diligence, claims and monitoring returns they
// recorded; the office applies each as a write of theirs, under its own rules and clock. People go
// by name, grants by their bid's ref: no id of either database.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const name = text(120);
const ref = text(24);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const pence = z.number().int().nonnegative();
const outcomes = z.array(z.object({ priority: text(600), outcome: text(20_000) })).max(200);

const diligence = z.object({
  bankConfirmed: z.boolean(),
  accountableBody: nullableText(300),
  conflicts: nullableText(2_000),
  fraudRisk: z.enum(FRAUD_RISKS).nullable(),
  reason: nullableText(2_000),
});

const monitoringReturn = z.object({
  dueOn: day,
  receivedOn: day,
  spendToDatePence: pence,
  outputs: text(20_000),
  outcomes,
  risks: text(20_000),
  narrative: text(20_000),
  rag: z.enum(RAGS),
});

const grantContent = z.object({
  ref,
  awardedPence: pence,
  awardedOn: day,
  conditions: text(5_000),
  status: z.enum(GRANT_STATUSES),
  diligence: diligence.extend({ by: name.nullable(), at: nullableText(40) }),
  agreement: z.object({
    recipientSignedBy: nullableText(200),
    recipientSignedOn: day.nullable(),
    officeSignedBy: name.nullable(),
    officeSignedOn: day.nullable(),
  }),
  years: z.array(z.object({ financialYear: text(7), allocationPence: pence })).max(20),
  claims: z
    .array(
      z.object({
        period: text(10),
        financialYear: text(7),
        amountPence: pence,
        matchPence: pence.nullable(),
        status: z.enum(['recorded', 'paid']),
        recordedBy: name,
        recordedAt: text(40),
        approvedBy: name.nullable(),
        approvedAt: nullableText(40),
      }),
    )
    .max(2_000),
  returns: z.array(monitoringReturn.extend({ recordedBy: name.nullable() })).max(200),
  finalReport: nullableText(20_000),
  closedOn: day.nullable(),
  clawbackPence: pence.nullable(),
});

export const deliveryPayloadSchema = roundContentSchema.extend({
  bids: z.array(bidContentSchema).max(2_000),
  /** Everyone the grants name (who recorded, approved or signed), with their role at the office. */
  people: z.array(z.object({ name, role: z.enum(ROLES) })).max(2_000),
  grants: z.array(grantContent).max(2_000),
});
export type DeliveryPayload = z.infer<typeof deliveryPayloadSchema>;
export type GrantContent = DeliveryPayload['grants'][number];

/** An officer's return: the delivery work they recorded on their copy, grant by grant. */
export const deliveryReturnSchema = z.object({
  of: z.literal('delivery'),
  diligence: z.array(diligence.extend({ ref })).max(2_000),
  claims: z
    .array(z.object({ ref, period: text(10), amountPence: pence, matchPence: pence.nullable() }))
    .max(20_000),
  returns: z.array(monitoringReturn.extend({ ref })).max(20_000),
});
export type DeliveryReturn = z.infer<typeof deliveryReturnSchema>;
