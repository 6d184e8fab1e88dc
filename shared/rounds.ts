import * as z from 'zod';
import { formatMoney } from './money';
import { MOVABLE_STAGES, STAGES } from './stages';
import {
  financialYearSchema,
  idSchema,
  isoDateSchema,
  optionalText,
  penceSchema,
  requiredText,
  timestampSchema,
} from './schemas';

export const ROUND_STATUSES = ['open', 'closed'] as const;

export const commitmentInputSchema = z.object({
  description: requiredText('description of the commitment', 300),
  amountPence: penceSchema('The commitment').min(1, { error: 'A commitment must be more than £0' }),
});
export type CommitmentInput = z.input<typeof commitmentInputSchema>;

export const roundFieldsSchema = z.object({
  fund: requiredText('fund', 120),
  name: requiredText('round name', 160),
  budgetPence: penceSchema('The budget'),
  /** Money already promised from the budget, each with what it is for. */
  commitments: z.array(commitmentInputSchema).max(100).default([]),
  financialYear: financialYearSchema,
  tranche: optionalText('tranche', 60),
  opensOn: isoDateSchema('The opening date'),
  closesOn: isoDateSchema('The closing date'),
  status: z.enum(ROUND_STATUSES).default('open'),
  planId: idSchema.nullish().transform((value) => value ?? null),
});

type RoundFields = z.output<typeof roundFieldsSchema>;

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

function checkRound(round: RoundFields, ctx: z.RefinementCtx) {
  const committed = committedPence(round.commitments);
  if (committed > round.budgetPence) {
    ctx.addIssue({
      code: 'custom',
      path: ['commitments'],
      message:
        `Commitments (${formatMoney(committed)}) cannot be more than the budget (` +
        `${formatMoney(round.budgetPence)})`,
    });
  }
  if (round.opensOn && round.closesOn && round.closesOn < round.opensOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['closesOn'],
      message: 'The closing date must be on or after the opening date',
    });
  }
}

export const roundCreateSchema = roundFieldsSchema.superRefine(checkRound);
export type RoundCreate = z.input<typeof roundCreateSchema>;

export const roundUpdateSchema = roundFieldsSchema.extend({ id: idSchema }).superRefine(checkRound);
export type RoundUpdate = z.input<typeof roundUpdateSchema>;

export const roundRefSchema = z.object({ id: idSchema });

export const stageMoveSchema = z.object({
  roundId: idSchema,
  to: z.enum(MOVABLE_STAGES, {
    error: 'The stage must be one of setup, open, assessment, board, decision',
  }),
  /** Needed to take a round back to an earlier stage; kept in the audit chain beside the move. */
  reason: optionalText('reason', 2_000),
});

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
