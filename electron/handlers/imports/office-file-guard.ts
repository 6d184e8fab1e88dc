import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '../../../shared/limits';
import { Refusal } from '../refusal';
import { readZipEntries, unpackEntry } from './zip-guard';

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
      if (row > MAX_IMPORT_ROWS)
        throw new Refusal(
          'invalid_input',
          `The sheet uses rows down to row ${row.toLocaleString('en-GB')}: Tranche reads at most ` +
            `${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows. Delete the rows below the table and import it again`,
        );
      continue;
    }
    column = reference?.[1] ? columnNumber(reference[1]) : column + 1;
    // <c r="XFD1" s="3"/> is formatting with nothing in it: it does not count.
    if (attributes.endsWith('/')) continue;
    cells++;
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

/** Refuses a workbook too large to read; otherwise returns each sheet's real extent. */
export function checkWorkbook(data: Buffer): SheetExtent[] {
  const what = 'Excel workbook (.xlsx)';
  const entries = readZipEntries(data, what);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheets.length === 0)
    throw new Refusal('invalid_input', 'The file is not a readable Excel workbook (.xlsx): it has no sheets');
  const strings = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (strings) unpackEntry(data, strings, MAX_PART_BYTES, what); // unpacked only to check its real size
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
  const entries = readZipEntries(data, what);
  const body = entries.find((e) => e.name === 'word/document.xml');
  if (body) unpackEntry(data, body, MAX_PART_BYTES, what);
}
