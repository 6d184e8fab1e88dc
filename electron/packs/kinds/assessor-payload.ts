import { z } from 'zod';
import { bidContentSchema, roundContentSchema } from './round-copy';

// What an assessor pack and its return carry. Bids go by ref, criteria by code, people by name:
// nothing here is an id of the database it came from.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const at = z.string().max(40);

/** The round (its framework required) and the bids assigned to the assessor, in full. */
export const assessorPayloadSchema = roundContentSchema.extend({
  framework: roundContentSchema.shape.framework.unwrap(),
  bids: z.array(bidContentSchema).max(2_000),
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
