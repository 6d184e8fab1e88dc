import * as z from 'zod';

// Electron passes only an Error's message across IPC, so refusals travel as values, never throws.

export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({
  /** Dotted path of the input field at fault, e.g. `budgetPence`; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Errors the caller caused (exit 2 on the command line) as opposed to faults of ours (exit 1). */
export function isRefusal(error: AppError): boolean {
  return error.code !== 'internal';
}
