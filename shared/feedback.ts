import * as z from 'zod';
import { idSchema } from './schemas';

// The feedback a decline or award letter gives per criterion, in the office's words: an officer
// drafts it, a lead officer approves it, and letters print only approved words.

export const feedbackSetSchema = z.object({
  roundId: idSchema,
  bidRef: z.string().trim().min(1, { error: 'Give the bid reference' }),
  criterion: z.string().trim().min(1, { error: 'Give the criterion code, like Q1' }),
  /** Empty removes the summary. */
  text: z.string().trim().max(2_000, { error: 'The feedback must be 2,000 characters or fewer' }),
});

export const feedbackApproveSchema = z.object({
  roundId: idSchema,
  bidRef: z.string().trim().min(1, { error: 'Give the bid reference' }),
});

export const feedbackSummarySchema = z.object({
  ref: z.string(),
  criterion: z.string(),
  text: z.string(),
  writtenBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approved: z.boolean(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;
