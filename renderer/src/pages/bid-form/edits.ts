import type { PriorityNode } from '../../../../shared/organisations';
import type { SummaryError } from '../../components/ErrorSummary';
import {
  bidFieldForPath,
  bidFieldOrder,
  type BidFormErrors,
  type BidFormValues,
  type CostLineRow,
} from '../../forms/bid-form';

// The bid form's edits and error lists as plain functions; the form's components only draw them.

/** The id of a field's input, e.g. `bid-costLines-0-amount` for `costLines.0.amount`. */
export const bidFieldId = (field: string) => `bid-${field.replace(/\./g, '-')}`;

/** The error summary: a form-wide refusal first, then field errors in the order the fields appear. */
export function summaryErrors(
  values: BidFormValues,
  errors: BidFormErrors,
  formError: string | null,
): SummaryError[] {
  return [
    ...(formError ? [{ message: formError }] : []),
    ...bidFieldOrder(values).flatMap((f) =>
      errors[f] ? [{ fieldId: bidFieldId(f), message: errors[f] }] : [],
    ),
  ];
}

/** A refusal's issues by the form field they concern; those naming no field are left out. */
export function refusalFieldErrors(issues: readonly { path: string; message: string }[]): BidFormErrors {
  const fieldErrors: BidFormErrors = {};
  for (const issue of issues) {
    const field = bidFieldForPath(issue.path);
    if (field) fieldErrors[field] = issue.message;
  }
  return fieldErrors;
}

export const EMPTY_LINE: CostLineRow = { description: '', quantity: '', unitCost: '', amount: '' };

/** The form with one part of one cost line changed. */
export function withLinePart(values: BidFormValues, index: number, part: keyof CostLineRow, value: string) {
  return {
    ...values,
    costLines: values.costLines.map((l, i) => (i === index ? { ...l, [part]: value } : l)),
  };
}

/** The form with a blank cost line added at the end. */
export const withLineAdded = (values: BidFormValues) => ({
  ...values,
  costLines: [...values.costLines, EMPTY_LINE],
});

/** The form without the cost line at `index`. */
export const withLineRemoved = (values: BidFormValues, index: number) => ({
  ...values,
  costLines: values.costLines.filter((_, j) => j !== index),
});

/** The form with a priority claimed or no longer claimed. */
export function withPriority(values: BidFormValues, id: number, claimed: boolean) {
  return {
    ...values,
    claimedPriorityIds: claimed
      ? [...values.claimedPriorityIds, id]
      : values.claimedPriorityIds.filter((p) => p !== id),
  };
}

/** A reason is asked for when a bid is ineligible or withdrawn, or already has one. */
export const asksStatusReason = (values: BidFormValues) =>
  values.status === 'ineligible' || values.status === 'withdrawn' || values.statusReason !== '';

/** The plan's priorities in reading order, each with its depth for indenting. */
export function flattenPriorities(nodes: PriorityNode[], depth = 0): { node: PriorityNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenPriorities(node.children, depth + 1)]);
}
