import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../shared/limits';
import { Refusal } from '../refusal';
import { MAX_UNPACKED_BYTES, readZipEntries, unpackEntry, type ZipEntry } from './zip-guard';

// Checks an Excel workbook or Word document before a library reads it whole: the archive's sizes,
// and for a workbook each sheet's real extent (the last row and column that hold anything), read
// from the sheet's XML without building it. A sheet's own <dimension> is not trusted: writers leave
// it out or get it wrong. What passes can be read by exceljs or mammoth within seconds.

/** One worksheet's or document's XML, unpacked. */
const MAX_PART_BYTES = 40 * 1024 * 1024;
/** Cells holding a value, over every sheet (a 10,000-bid schedule of eight columns has 80,000): exceljs
 * builds an object per cell, and past this a workbook takes more than a few seconds to read. */
export const MAX_WORKBOOK_CELLS = 120_000;

export interface SheetExtent {
  /** The part's name inside the archive, like xl/worksheets/sheet1.xml. */
  part: string;
  rows: number;
  columns: number;
  cells: number;
}

const ROW_OR_CELL = /<(row|c)\b([^>]*)>/g;
const REFERENCE = /\br="([A-Z]*)(\d+)"/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** A column number as Excel writes it: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The last row and column holding a value, refusing as soon as either passes the limits. */
export function sheetExtent(part: string, xml: string, cellBudget: number): SheetExtent {
  let row = 0;
  let column = 0;
  let rows = 0;
  let columns = 0;
  let cells = 0;
  for (const match of xml.matchAll(ROW_OR_CELL)) {
    const attributes = match[2] ?? '';
    const reference = REFERENCE.exec(attributes);
    if (match[1] === 'row') {
      row = reference ? Number(reference[2]) : row + 1;
      column = 0;
      continue;
    }
    column = reference?.[1] ? columnNumber(reference[1]) : column + 1;
    // <c r="XFD1" s="3"/> is formatting with nothing in it: it does not count.
    if (attributes.endsWith('/')) continue;
    cells++;
    // Only a row holding a value counts: empty rows below the table are not rows of it.
    if (row > MAX_IMPORT_ROWS)
      throw new Refusal(
        'invalid_input',
        `The sheet has values down to row ${row.toLocaleString('en-GB')}: Tranche reads at most ` +
          `${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows. Delete the rows below the table and import it again`,
      );
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
    if (column > MAX_IMPORT_COLUMNS)
      throw new Refusal(
        'invalid_input',
        `Row ${row}, column ${columnLetters(column)} holds a value: Tranche reads at most ` +
          `${MAX_IMPORT_COLUMNS} columns (A to ${columnLetters(MAX_IMPORT_COLUMNS)}). ` +
          'Delete the columns beyond the table',
      );
    if (cells > cellBudget)
      throw new Refusal(
        'invalid_input',
        `The workbook holds more than ${MAX_WORKBOOK_CELLS.toLocaleString('en-GB')} filled cells, ` +
          'more than Tranche reads',
      );
  }
  return { part, rows, columns, cells };
}

/**
 * Unpacks every part but those in `skip` (checked by the caller), each only as far as the limit,
 * to learn its real size: the library reads them all (styles, themes, relationships, media), and
 * an archive may state a small size for a part that unpacks to gigabytes. Returns the bytes used.
 */
function checkEveryPart(data: Buffer, entries: ZipEntry[], what: string, skip: Set<ZipEntry>): number {
  let total = 0;
  for (const entry of entries) {
    if (skip.has(entry) || entry.name.endsWith('/')) continue;
    total += unpackEntry(data, entry, MAX_PART_BYTES, what).length;
    if (total > MAX_UNPACKED_BYTES)
      throw new Refusal(
        'invalid_input',
        `The ${what} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than Tranche reads`,
      );
  }
  return total;
}

/** Refuses a workbook too large to read; otherwise returns each sheet's real extent. */
export function checkWorkbook(data: Buffer): SheetExtent[] {
  const what = 'Excel workbook (.xlsx)';
  const entries = readZipEntries(data, what);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheets.length === 0)
    throw new Refusal('invalid_input', 'The file is not a readable Excel workbook (.xlsx): it has no sheets');
  checkEveryPart(data, entries, what, new Set(sheets));
  let budget = MAX_WORKBOOK_CELLS;
  return sheets.map((entry) => {
    const xml = unpackEntry(data, entry, MAX_PART_BYTES, what).toString('latin1');
    const extent = sheetExtent(entry.name, xml, budget);
    budget -= extent.cells;
    return extent;
  });
}

/** Refuses a Word document whose text would unpack too large to read. */
export function checkWordDocument(data: Buffer): void {
  const what = 'Word document (.docx)';
  checkEveryPart(data, readZipEntries(data, what), what, new Set());
}
