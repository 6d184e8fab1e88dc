import * as z from 'zod';
import { BOARD_VIEWS } from '../../../shared/assessment';
import { ROLES } from '../../../shared/people';
import { assessorPayloadSchema } from './assessor-payload';

// What a board pack and its return carry. The office sends the round with every bid and all the
// ranking is computed from (the submitted scores, declarations, moderations, open queries), the
// shortlist, the recommended allocation, the scenarios and the views recorded so far, so that the
// member's copy ranks exactly as the office does. The member returns their own views and comments.
// People go by name, bids by ref, criteria by code.

const text = (max: number) => z.string().max(max);
const name = text(120);
const ref = text(24);
const at = text(40);
const option = z.enum(['full', 'reduced', 'custom']);
const view = z.object({
  ref,
  view: z.enum(BOARD_VIEWS),
  comment: text(5_000),
  meetingOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  at,
});

export const boardPayloadSchema = assessorPayloadSchema.extend({
  /** Everyone the rows below name, with their role at the office. */
  people: z.array(z.object({ name, role: z.enum(ROLES) })).max(2_000),
  assignments: z.array(z.object({ ref, person: name })).max(20_000),
  declarations: z
    .array(z.object({ ref, person: name, conflict: z.boolean(), nature: text(2_000).nullable(), at }))
    .max(20_000),
  /** Submitted scores only: a draft is the assessor's until they submit it. */
  scores: z
    .array(
      z.object({
        ref,
        person: name,
        criterion: text(20),
        score: z.number().int().nullable(),
        justification: text(20_000),
      }),
    )
    .max(200_000),
  submissions: z.array(z.object({ ref, person: name, submittedAt: at })).max(20_000),
  moderations: z
    .array(
      z.object({
        ref,
        criterion: text(20),
        score: z.number().int(),
        reason: text(5_000),
        by: name.nullable(),
        at,
      }),
    )
    .max(20_000),
  openQueries: z.array(z.object({ ref, text: text(5_000), raisedAt: at })).max(20_000),
  shortlist: z.object({
    rule: z.enum(['threshold', 'top', 'manual']),
    topN: z.number().int().positive().nullable(),
    overrides: z
      .array(z.object({ ref, included: z.boolean(), reason: text(5_000), by: name.nullable(), at }))
      .max(2_000),
  }),
  allocation: z
    .array(
      z.object({
        ref,
        option,
        amountPence: z.number().int().nonnegative(),
        conditions: text(5_000),
        reason: text(5_000),
      }),
    )
    .max(2_000),
  scenarios: z
    .array(
      z.object({
        name: text(200),
        createdBy: name.nullable(),
        createdAt: at,
        items: z
          .array(
            z.object({ ref, option, amountPence: z.number().int().nonnegative(), conditions: text(5_000) }),
          )
          .max(2_000),
      }),
    )
    .max(200),
  /** Every board member's views so far (the recipient's own included). */
  views: z.array(view.extend({ person: name })).max(20_000),
});
export type BoardPayload = z.infer<typeof boardPayloadSchema>;

/**
 * A board member's return: their own views and comments, as they stand on their copy. No times:
 * the office records a view it takes at its own receipt time (an `at` still sent is dropped).
 */
export const boardReturnSchema = z.object({
  of: z.literal('board'),
  views: z.array(view.omit({ at: true })).max(2_000),
});
export type BoardReturn = z.infer<typeof boardReturnSchema>;
