import * as z from 'zod';
import { subtotalFlags } from './checks';
import { MAX_IMPORT_BYTES } from './limits';
import { idSchema } from './schemas';

// Importing a bid schedule: one row per bid under a header row, as officers keep them in Excel or
// save them as CSV. Headers vary from office to office, so each column is mapped to a field.

export const SCHEDULE_FIELDS = [
  'ref',
  'partnership',
  'title',
  'summary',
  'requested',
  'reduced',
  'status',
] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

export const SCHEDULE_FIELD_LABELS: Record<ScheduleField, string> = {
  ref: 'Reference',
  partnership: 'Partnership',
  title: 'Project (title or aims)',
  summary: 'Summary',
  requested: 'Amount requested',
  reduced: 'Could be reduced to',
  status: 'Status',
};

export { MAX_IMPORT_BYTES };

export const importFileFields = {
  roundId: idSchema,
  fileName: z.string().trim().min(1, { error: 'The file has no name' }).max(260),
  /** The file's bytes, base64-encoded, so the same call works over IPC and HTTP. */
  dataBase64: z
    .string()
    .min(1, { error: 'The file is empty' })
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, { error: 'The file is larger than 20 MB' }),
};

/** Column index → field; columns left out are ignored. */
export const columnMappingSchema = z.record(z.string().regex(/^\d+$/), z.enum(SCHEDULE_FIELDS).nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const scheduleImportSchema = z.object({
  ...importFileFields,
  mapping: columnMappingSchema.optional(),
});
export type ScheduleImportInput = z.input<typeof scheduleImportSchema>;

export const rowProblemSchema = z.object({
  /** Row number as the officer sees it in the spreadsheet (the header is row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const schedulePreviewSchema = z.object({
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(
    z.object({ column: z.number().int(), header: z.string(), field: z.enum(SCHEDULE_FIELDS).nullable() }),
  ),
  bids: z.array(
    z.object({
      row: z.number().int(),
      ref: z.string(),
      partnership: z.string(),
      title: z.string(),
      requestedPence: z.number().int().nullable(),
      reducedPence: z.number().int().nullable(),
      newPartnership: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  totals: z.array(
    z.object({
      row: z.number().int(),
      partnership: z.string(),
      label: z.string(),
      statedPence: z.number().int(),
      statedReducedPence: z.number().int().nullable(),
    }),
  ),
  problems: z.array(rowProblemSchema),
  /** What the file says that does not add up (a `Total` row against its bids), with both figures. */
  warnings: z.array(z.string()),
  bidCount: z.number().int(),
  partnershipCount: z.number().int(),
  requestedPence: z.number().int(),
  reducedRequestedPence: z.number().int(),
});
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>;

export const scheduleImportResultSchema = z.object({
  imported: z.number().int(),
  warnings: z.array(z.string()),
  partnerships: z.number().int(),
  requestedPence: z.number().int(),
  reducedRequestedPence: z.number().int(),
});

export const caseImportSchema = z.object({
  bidId: idSchema,
  fileName: importFileFields.fileName,
  dataBase64: importFileFields.dataBase64,
  /** Replace the bid's sections and cost lines with the document's (otherwise add to them). */
  replace: z.boolean().default(true),
});

/**
 * Each `Total` row of a schedule that disagrees with the file's bids of its partnership, as a
 * warning with both figures: the same words in the preview, the import's reply and the command line.
 */
export function scheduleTotalWarnings(preview: {
  bids: { partnership: string; requestedPence: number | null; reducedPence: number | null }[];
  totals: SchedulePreview['totals'];
}): string[] {
  return preview.totals.flatMap((total) => {
    const own = preview.bids.filter((b) => b.partnership.toLowerCase() === total.partnership.toLowerCase());
    const requested = own.reduce((sum, b) => sum + (b.requestedPence ?? 0), 0);
    const reduced = own.reduce(
      (sum, b) => sum + Math.min(b.reducedPence ?? b.requestedPence ?? 0, b.requestedPence ?? 0),
      0,
    );
    return subtotalFlags({
      partnership: total.partnership,
      label: total.label,
      statedPence: total.statedPence,
      statedReducedPence: total.statedReducedPence,
      bidsRequestedPence: requested,
      bidsReducedPence: reduced,
    }).map((flag) => `Row ${total.row}: ${flag.message}`);
  });
}
