import { parseMoney, penceToInput } from '../../../shared/money';
import { roundCreateSchema, type RoundCreate } from '../../../shared/round-inputs';
import type { Round } from '../../../shared/rounds';
import type { FieldIssue } from '../../../shared/result';

// What the round form holds (text as typed) and how it becomes a contract input. Kept out of the
// component so the rules can be tested without a browser.

export interface CommitmentRow {
  description: string;
  amount: string;
}

export interface RoundFormValues {
  fund: string;
  name: string;
  financialYear: string;
  tranche: string;
  /** A plan id as text, or '' for none. */
  planId: string;
  /** YYYY-MM-DD from the date inputs, or ''. */
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  budget: string;
  commitments: CommitmentRow[];
}

/**
 * Field keys: `fund`, `name`, `financialYear`, `budget`, `commitments` (the total),
 * `commitments.N.description|amount`.
 */
export type FormErrors = Record<string, string>;

export const emptyRoundForm: RoundFormValues = {
  fund: '',
  name: '',
  financialYear: '',
  tranche: '',
  planId: '',
  opensOn: '',
  closesOn: '',
  status: 'open',
  budget: '',
  commitments: [],
};

export function roundToForm(round: Round): RoundFormValues {
  return {
    fund: round.fund,
    name: round.name,
    financialYear: round.financialYear ?? '',
    tranche: round.tranche ?? '',
    planId: round.planId === null ? '' : String(round.planId),
    opensOn: round.opensOn ?? '',
    closesOn: round.closesOn ?? '',
    status: round.status,
    budget: penceToInput(round.budgetPence),
    commitments: round.commitments.map((c) => ({
      description: c.description,
      amount: penceToInput(c.amountPence),
    })),
  };
}

/** The form field a contract path (from zod or a handler refusal) belongs to. */
export function fieldForPath(path: string): string | undefined {
  if (
    [
      'fund',
      'name',
      'financialYear',
      'tranche',
      'planId',
      'opensOn',
      'closesOn',
      'status',
      'commitments',
    ].includes(path)
  )
    return path;
  if (path === 'budgetPence') return 'budget';
  const commitment = /^commitments\.(\d+)\.(description|amountPence)$/.exec(path);
  if (commitment)
    return `commitments.${commitment[1]}.${commitment[2] === 'amountPence' ? 'amount' : 'description'}`;
  return undefined;
}

export function fieldForIssue(issue: FieldIssue): string | undefined {
  return fieldForPath(issue.path);
}

/** Fields in the order they appear on the page, for the error summary. */
export function fieldOrder(values: RoundFormValues): string[] {
  return [
    'fund',
    'name',
    'financialYear',
    'tranche',
    'planId',
    'opensOn',
    'closesOn',
    'status',
    'budget',
    ...values.commitments.flatMap((_, i) => [`commitments.${i}.description`, `commitments.${i}.amount`]),
    'commitments',
  ];
}

export function validateRoundForm(values: RoundFormValues): { input?: RoundCreate; errors: FormErrors } {
  const errors: FormErrors = {};
  const budget = values.budget.trim() === '' ? undefined : parseMoney(values.budget);
  if (!budget) errors.budget = 'Enter the budget';
  else if (!budget.ok) errors.budget = `Budget: ${budget.reason}`;
  const commitments = values.commitments.map((row, i) => {
    const amount = row.amount.trim() === '' ? undefined : parseMoney(row.amount);
    if (!amount) errors[`commitments.${i}.amount`] = `Enter the amount of commitment ${i + 1}`;
    else if (!amount.ok) errors[`commitments.${i}.amount`] = `Commitment ${i + 1}: ${amount.reason}`;
    return { description: row.description, amountPence: amount?.ok ? amount.pence : 1 };
  });

  const parsed = roundCreateSchema.safeParse({
    fund: values.fund,
    name: values.name,
    financialYear: values.financialYear.trim() || null,
    tranche: values.tranche.trim() || null,
    planId: values.planId ? Number(values.planId) : null,
    opensOn: values.opensOn || null,
    closesOn: values.closesOn || null,
    status: values.status,
    budgetPence: budget?.ok ? budget.pence : 0,
    commitments,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(issue.path.join('.'));
      // Money that did not parse already has its message; the schema saw a stand-in figure.
      const moneyUnread = !budget?.ok || Object.keys(errors).some((k) => k.endsWith('.amount'));
      if (field && !errors[field] && !(field === 'commitments' && moneyUnread)) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: parsed.data, errors };
}
