import * as z from 'zod';
import { STAGES } from './stages';
import { idSchema, timestampSchema } from './schemas';

// A round as read, and what reads it. What a round is created, changed or moved with is in
// shared/round-inputs.ts, so that a call that only reads rounds does not build those schemas.

export const ROUND_STATUSES = ['open', 'closed'] as const;

export function committedPence(commitments: { amountPence: number }[]): number {
  return commitments.reduce((sum, c) => sum + c.amountPence, 0);
}

/** Money left to allocate once commitments already made are taken from the budget. */
export function availablePence(round: {
  budgetPence: number;
  commitments: { amountPence: number }[];
}): number {
  return round.budgetPence - committedPence(round.commitments);
}

export const roundRefSchema = z.object({ id: idSchema });

export const roundListSchema = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

export const commitmentSchema = z.object({
  id: idSchema,
  description: z.string(),
  amountPence: z.number().int(),
});

export const roundSchema = z.object({
  id: idSchema,
  fund: z.string(),
  fundCapPence: z.number().int().nullable(),
  name: z.string(),
  financialYear: z.string().nullable(),
  tranche: z.string().nullable(),
  budgetPence: z.number().int(),
  commitments: z.array(commitmentSchema),
  /** Computed: the sum of the commitments. */
  committedPence: z.number().int(),
  /** Computed: budget less commitments. Never stored. */
  availablePence: z.number().int(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  planId: z.number().int().nullable(),
  planTitle: z.string().nullable(),
  /** Set on demonstration rounds: where the data came from. */
  demoNotice: z.string().nullable(),
  /** Where the round stands; the rule book allows each change only in some stages. */
  stage: z.enum(STAGES),
  /** A copy of another office's round, received in a pack: only the recipient's own work is written. */
  isCopy: z.boolean(),
  archived: z.boolean(),
  archivedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Bids not withdrawn, and what they ask in full and with every offered reduction taken. */
  bidCount: z.number().int(),
  requestedPence: z.number().int(),
  reducedRequestedPence: z.number().int(),
});
export type Round = z.infer<typeof roundSchema>;

export const fundSchema = z.object({
  id: idSchema,
  name: z.string(),
  capPence: z.number().int().nullable(),
  roundCount: z.number().int(),
});
export type Fund = z.infer<typeof fundSchema>;
