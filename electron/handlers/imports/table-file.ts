import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libraries';
import { Refusal } from '../refusal';
import { readCsvRows } from './csv-file';
import { legacyOfficeMessage } from './legacy-office';
import { checkWorkbook } from './office-file-guard';

// Reads a schedule file into rows of cells, whatever it was saved as. Spreadsheet numbers stay
// numbers (so money keeps its pence); everything else becomes text.

export type Cell = string | number | null;
export interface Table {
  sheet: string | null;
  rows: Cell[][];
}

export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  // By what the file is, whatever it is called: an .xls, or a .xlsx protected with a password.
  const legacy = legacyOfficeMessage(fileName, data, 'workbook');
  if (legacy) throw new Refusal('invalid_input', legacy);
  if (extension === 'csv' || extension === 'txt') {
    const rows = readCsvRows(data);
    if (rows.length === 0)
      throw new Refusal('invalid_input', `${fileName} has nothing in it: no header row and no bids`);
    return { sheet: null, rows };
  }
  if (extension === 'xlsx') return readXlsx(data);
  if (extension === 'xls')
    throw new Refusal(
      'invalid_input',
      `${fileName} is not an Excel 97-2003 workbook inside, whatever its name says: open it in Excel, ` +
        'save it as an Excel Workbook (.xlsx) and import that',
    );
  throw new Refusal(
    'invalid_input',
    `${fileName} is not a schedule Tranche can read: use a .xlsx workbook or a .csv file`,
  );
}

async function readXlsx(data: Buffer): Promise<Table> {
  // Sizes first, from the archive itself: exceljs would otherwise build every row it is given.
  const extents = checkWorkbook(data);
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Refusal('invalid_input', 'The file is not a readable Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new Refusal('invalid_input', 'The workbook has no rows in any sheet');
  // The real extent: row.cellCount is the last column with a cell, so a blank column in the middle
  // keeps the columns after it (sheet.actualColumnCount counts non-empty columns and would not).
  const width = Math.max(0, ...extents.map((e) => e.columns));
  // Empty rows below the table (formatting dragged down a million rows) are not rows of it.
  const depth = Math.max(0, ...extents.map((e) => e.rows));
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > depth) return;
    const cells: Cell[] = [];
    const last = Math.min(row.cellCount, width);
    for (let column = 1; column <= last; column++) cells.push(cellValue(row.getCell(column).value));
    rows[rowNumber - 1] = cells;
  });
  return { sheet: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}
