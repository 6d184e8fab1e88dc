import { z } from 'zod';
import { BID_STATUSES } from '../../../shared/bids';
import type { PriorityInput } from '../../../shared/organisations';

// What an assessor pack and its return carry. Bids go by ref, criteria by code, priorities by code,
// people by name: nothing here is an id of the database it came from.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const pence = z.number().int().nonnegative();
const at = z.string().max(40);

const priorityNode: z.ZodType<PriorityInput> = z.lazy(() =>
  z.object({ code: text(40), title: text(500), children: z.array(priorityNode).max(200) }),
);

export const assessorPayloadSchema = z.object({
  fund: z.object({ name: text(120), capPence: pence.nullable() }),
  round: z.object({
    name: text(200),
    financialYear: nullableText(20),
    tranche: nullableText(60),
    budgetPence: pence,
    opensOn: nullableText(10),
    closesOn: nullableText(10),
    demoNotice: nullableText(2_000),
  }),
  plan: z
    .object({ title: text(300), period: text(100), priorities: z.array(priorityNode).max(200) })
    .nullable(),
  framework: z.object({
    template: nullableText(60),
    scaleMin: z.number().int().min(0).max(10),
    scaleMax: z.number().int().min(1).max(10),
    descriptors: z.array(text(2_000)).max(11),
    threshold: z.number().int().min(0).max(100).nullable(),
    divergence: z.number().int().min(0).max(10),
    criteria: z
      .array(
        z.object({
          code: text(20),
          name: text(300),
          guidance: text(10_000),
          weight: z.number().int().min(0).max(100),
          minScore: z.number().int().nullable(),
          gateway: z.boolean(),
        }),
      )
      .max(50),
  }),
  /** The bids assigned to the assessor, with their business cases and original files. */
  bids: z
    .array(
      z.object({
        ref: text(24),
        partnership: text(160),
        title: text(300),
        summary: text(10_000),
        requestedPence: pence,
        reducedPence: pence.nullable(),
        reductionNote: nullableText(2_000),
        statedTotalPence: pence.nullable(),
        durationText: nullableText(200),
        startsOn: nullableText(10),
        endsOn: nullableText(10),
        matchFundingPence: pence.nullable(),
        status: z.enum(BID_STATUSES),
        statusReason: nullableText(2_000),
        costLines: z
          .array(
            z.object({
              description: text(500),
              quantity: z.number().nullable(),
              unitCostPence: z.number().int().nullable(),
              amountPence: z.number().int().nullable(),
            }),
          )
          .max(500),
        sections: z.array(z.object({ heading: text(300), body: text(200_000) })).max(200),
        claimedPriorities: z.array(text(40)).max(200),
        attachments: z
          .array(
            z.object({
              fileName: text(255),
              mediaType: text(120),
              sha256: z.string().regex(/^[0-9a-f]{64}$/),
              contentBase64: z.string(),
            }),
          )
          .max(20),
      }),
    )
    .max(2_000),
});
export type AssessorPayload = z.infer<typeof assessorPayloadSchema>;

/** An assessor's own work on the copy: every version of every declaration and score, and submissions. */
export const assessorReturnSchema = z.object({
  of: z.literal('assessor'),
  declarations: z
    .array(
      z.object({
        ref: text(24),
        conflict: z.boolean(),
        nature: nullableText(2_000),
        reason: nullableText(2_000),
        at,
      }),
    )
    .max(20_000),
  scores: z
    .array(
      z.object({
        ref: text(24),
        criterion: text(20),
        score: z.number().int().nullable(),
        justification: text(20_000),
        submitted: z.boolean(),
        at,
      }),
    )
    .max(200_000),
  submissions: z.array(z.object({ ref: text(24), submittedAt: at })).max(2_000),
});
export type AssessorReturn = z.infer<typeof assessorReturnSchema>;
