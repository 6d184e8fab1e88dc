import { parseMoney, penceToInput } from '../../../shared/money';
import { roundCreateSchema, type RoundCreate, type Round } from '../../../shared/rounds';
import type { FieldIssue } from '../../../shared/result';

// What the round form holds (text as typed) and how it becomes a contract input. Kept out of the
// component so the rules can be tested without a browser.

export interface RoundFormValues {
  fund: string;
  name: string;
  budget: string;
  committed: string;
}

export type RoundFormField = keyof RoundFormValues;
export type FormErrors<F extends string> = Partial<Record<F, string>>;

export const ROUND_FIELD_ORDER: RoundFormField[] = ['fund', 'name', 'budget', 'committed'];

export const emptyRoundForm: RoundFormValues = { fund: '', name: '', budget: '', committed: '' };

export function roundToForm(round: Round): RoundFormValues {
  return {
    fund: round.fund,
    name: round.name,
    budget: penceToInput(round.budgetPence),
    committed: round.committedPence === 0 ? '' : penceToInput(round.committedPence),
  };
}

/** Contract paths (from zod or a handler refusal) mapped to the form field that shows them. */
const FIELD_OF_PATH: Record<string, RoundFormField> = {
  fund: 'fund',
  name: 'name',
  budgetPence: 'budget',
  committedPence: 'committed',
};

export function fieldForIssue(issue: FieldIssue): RoundFormField | undefined {
  return FIELD_OF_PATH[issue.path];
}

export function validateRoundForm(values: RoundFormValues): { input?: RoundCreate; errors: FormErrors<RoundFormField> } {
  const errors: FormErrors<RoundFormField> = {};
  const budget = values.budget.trim() === '' ? undefined : parseMoney(values.budget);
  if (!budget) errors.budget = 'Enter the budget';
  else if (!budget.ok) errors.budget = `Budget: ${budget.reason}`;
  const committed = values.committed.trim() === '' ? { ok: true as const, pence: 0 } : parseMoney(values.committed);
  if (!committed.ok) errors.committed = `Commitments: ${committed.reason}`;

  const parsed = roundCreateSchema.safeParse({
    fund: values.fund,
    name: values.name,
    budgetPence: budget?.ok ? budget.pence : 0,
    committedPence: committed.ok ? committed.pence : 0,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForIssue({ path: issue.path.join('.'), message: issue.message });
      // Money that did not parse already has its message; the schema saw a stand-in zero.
      if (field && !errors[field] && !(field === 'committed' && !budget?.ok)) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: parsed.data, errors };
}
