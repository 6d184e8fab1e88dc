import { financialYearLabel } from '../../../../shared/dates';
import type { SummaryError } from '../../components/ErrorSummary';

// The payment schedule form's rows (ScheduleSection): the id of each box, and a refusal's issues
// linked to the row and box they name.

export interface Row {
  key: number;
  financialYear: string;
  amount: string;
}

export const scheduleFieldId = (index: number, field: 'financialYear' | 'allocationPence') =>
  `schedule-${index}-${field}`;

/** A refusal's issues linked to the row and box they name (`years.1.allocationPence`). */
export function scheduleErrors(issues: { path: string; message: string }[]): SummaryError[] {
  return issues.map((issue) => {
    const [, index, field] = issue.path.split('.');
    const row = Number(index ?? 0) || 0;
    // A row named without a box (a year given twice) is about its year; the whole list, about money.
    const year = field === 'financialYear' || (index !== undefined && field === undefined);
    return {
      fieldId: scheduleFieldId(row, year ? 'financialYear' : 'allocationPence'),
      message: issue.message,
    };
  });
}

/** The financial year after the last row's, as a starting value (2026-27 → 2027-28). */
export function nextYear(last: Row | undefined): string {
  const start = Number(last?.financialYear.slice(0, 4));
  return Number.isInteger(start) && start >= 1000 ? financialYearLabel(start + 1) : '';
}
