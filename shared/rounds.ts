import { z } from 'zod';
import { formatMoney } from './money';
import { idSchema, penceSchema, requiredText, timestampSchema } from './schemas';

export const roundFieldsSchema = z.object({
  fund: requiredText('fund', 120),
  name: requiredText('round name', 160),
  budgetPence: penceSchema('The budget'),
  committedPence: penceSchema('Commitments').default(0),
});

function commitmentsWithinBudget(round: { budgetPence: number; committedPence: number }) {
  return round.committedPence <= round.budgetPence;
}
const commitmentsMessage = (round: { budgetPence: number; committedPence: number }) =>
  `Commitments (${formatMoney(round.committedPence)}) cannot be more than the budget (${formatMoney(round.budgetPence)})`;

export const roundCreateSchema = roundFieldsSchema.superRefine((round, ctx) => {
  if (!commitmentsWithinBudget(round)) {
    ctx.addIssue({ code: 'custom', path: ['committedPence'], message: commitmentsMessage(round) });
  }
});
export type RoundCreate = z.input<typeof roundCreateSchema>;

export const roundUpdateSchema = roundFieldsSchema.extend({ id: idSchema }).superRefine((round, ctx) => {
  if (!commitmentsWithinBudget(round)) {
    ctx.addIssue({ code: 'custom', path: ['committedPence'], message: commitmentsMessage(round) });
  }
});
export type RoundUpdate = z.input<typeof roundUpdateSchema>;

export const roundRefSchema = z.object({ id: idSchema });

export const roundListSchema = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

export const roundSchema = z.object({
  id: idSchema,
  fund: z.string(),
  name: z.string(),
  budgetPence: z.number().int(),
  committedPence: z.number().int(),
  /** Computed: budget less commitments already made. Never stored. */
  availablePence: z.number().int(),
  archived: z.boolean(),
  archivedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Round = z.infer<typeof roundSchema>;

export const fundSchema = z.object({ id: idSchema, name: z.string(), roundCount: z.number().int() });
export type Fund = z.infer<typeof fundSchema>;

/** Money left to allocate once commitments already made are taken from the budget. */
export function availablePence(round: { budgetPence: number; committedPence: number }): number {
  return round.budgetPence - round.committedPence;
}
