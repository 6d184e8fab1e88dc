import * as z from 'zod';
import { formatMoney } from './money';
import { committedPence, ROUND_STATUSES } from './rounds';
import { MOVABLE_STAGES } from './stages';
import {
  financialYearSchema,
  idSchema,
  isoDateSchema,
  optionalText,
  penceSchema,
  requiredText,
} from './schemas';

// What a round is created, changed or moved with: the inputs of rounds:create, rounds:update and
// rounds:setStage, apart from shared/rounds.ts (a round as read) so that a call that only reads
// rounds does not build them (shared/contracts/rounds-reading.ts).

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

export const stageMoveSchema = z.object({
  roundId: idSchema,
  to: z.enum(MOVABLE_STAGES, {
    error: 'The stage must be one of setup, open, assessment, board, decision',
  }),
  /** Needed to take a round back to an earlier stage; kept in the audit chain beside the move. */
  reason: optionalText('reason', 2_000),
});
