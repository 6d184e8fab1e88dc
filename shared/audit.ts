import * as z from 'zod';
import { idSchema } from './schemas';

// The audit chain as the app and the command line see it: a round's history, the result of
// verifying the database, and how the database was found at start.

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  person: z.string().nullable(),
  operation: z.string(),
  summary: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  signedBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  fingerprint: z.string().nullable(),
  entries: z.number().int(),
  rows: z.number().int(),
});
export type VerifyReportView = z.infer<typeof verifyReportSchema>;

export const databaseStatusSchema = z.object({
  /** integrity_check failed at start: the database is open read-only. */
  readOnly: z.boolean(),
  /** Why, in one line: damage, a file or disk that cannot be written, or a newer Tranche's schema. */
  readOnlyReason: z.string().nullable(),
  damage: z.array(z.string()),
  goodBackup: z.string().nullable(),
  /** What verify found at start (empty when the record checks out). */
  problems: z.array(z.string()),
  checkedAt: z.string().nullable(),
});
export type DatabaseStatus = z.infer<typeof databaseStatusSchema>;

export const historyInputSchema = z.object({ roundId: idSchema });
export const backupInputSchema = z.object({
  out: z.string().trim().min(1, { error: 'Name the backup file' }),
});
