import * as z from 'zod';
import { bidContentSchema, roundContentSchema } from './round-copy';

// What an assessor pack and its return carry. Bids go by ref, criteria by code, people by name:
// nothing here is an id of the database it came from.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

/** The round (its framework required) and the bids assigned to the assessor, in full. */
export const assessorPayloadSchema = roundContentSchema.extend({
  framework: roundContentSchema.shape.framework.unwrap(),
  bids: z.array(bidContentSchema).max(2_000),
});
export type AssessorPayload = z.infer<typeof assessorPayloadSchema>;

/**
 * An assessor's own work on the copy: every version of every declaration and score, in the order
 * they were made there, and the sheets submitted. No times: the office records what it takes at
 * its own receipt time, and a laptop's clock decides nothing there (an `at` a crafted or older
 * return still carries is dropped when the return is parsed).
 */
export const assessorReturnSchema = z.object({
  of: z.literal('assessor'),
  declarations: z
    .array(
      z.object({
        ref: text(24),
        conflict: z.boolean(),
        nature: nullableText(2_000),
        reason: nullableText(2_000),
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
      }),
    )
    .max(200_000),
  submissions: z.array(z.object({ ref: text(24) })).max(2_000),
});
export type AssessorReturn = z.infer<typeof assessorReturnSchema>;
