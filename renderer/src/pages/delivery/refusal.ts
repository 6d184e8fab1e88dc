import type { AppError } from '../../../../shared/result';
import type { SummaryError } from '../../components/ErrorSummary';

/**
 * A refusal as the error summary's lines: each field issue linked to its input (`prefix-path`), and a
 * refusal about the whole form linked to the field a person would change (`fallback`).
 */
export function summaryErrors(
  error: AppError,
  prefix: string,
  fields: string[],
  fallback: string,
): SummaryError[] {
  const issues = error.issues?.length ? error.issues : [{ path: '', message: error.message }];
  return issues.map((issue) => {
    const field = issue.path.split('.')[0] ?? '';
    return { fieldId: `${prefix}-${fields.includes(field) ? field : fallback}`, message: issue.message };
  });
}

/** The message for one field, to show beside it. */
export function errorFor(errors: SummaryError[], fieldId: string): string | undefined {
  return errors.find((e) => e.fieldId === fieldId)?.message;
}
