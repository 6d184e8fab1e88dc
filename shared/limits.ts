// The largest input Tranche accepts, in one place, so the forms, the imports and the command line
// refuse the same things with the same words. Each limit is generous for a real round (a few
// hundred bids, a business case of a few dozen pages) and small enough that no file within it can
// make an import, a notice or a letter run for minutes or run out of memory.

/** A file brought in to be imported (schedule, business case, scores). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The largest pack file read, as for any imported file. */
export const MAX_PACK_BYTES = MAX_IMPORT_BYTES;
/** Rows of a schedule or scores file, header included. */
export const MAX_IMPORT_ROWS = 50_000;
/** Columns of a schedule or scores file (up to the last one holding anything). */
export const MAX_IMPORT_COLUMNS = 100;
/** Characters in any one cell of an imported table. */
export const MAX_CELL_CHARS = 200_000;

/** The characters each bid field may hold, as the bid form allows. */
export const BID_FIELD_LIMITS = {
  ref: 24,
  partnership: 160,
  title: 300,
  summary: 10_000,
  reductionNote: 2_000,
  sectionHeading: 300,
  sectionBody: 200_000,
  sections: 200,
  costLineDescription: 500,
  costLines: 500,
} as const;

/** A cost line's quantity: enough for any real count, small enough that quantity × unit cost stays exact. */
export const MAX_QUANTITY = 1_000_000;

/** Letters, digits and "-", starting with a letter or digit: S1, SS4, SSF4-02. */
export const BID_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
export const BID_REF_RULE = 'use only letters, digits and "-", like S1 or SSF4-02';

/** A size as people read it: "500 MB", "20.5 MB", "900 KB". */
function readableSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / 1024 / 1024;
    return `${mb >= 100 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
  }
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The refusal for a file over the import limit, by its size alone, so that every face can say it
 * before reading a byte (the command line stats the file; the app checks the picked file's size).
 */
export function fileSizeRefusal(fileName: string, bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return (
    `${fileName} is ${readableSize(bytes)}: Tranche imports files of at most ` +
    `${readableSize(MAX_IMPORT_BYTES)}. Import the table or document on its own, without what makes it large`
  );
}
