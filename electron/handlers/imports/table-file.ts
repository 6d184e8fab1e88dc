import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Refusal } from '../refusal';

// Reads a schedule file into rows of cells, whatever it was saved as. Spreadsheet numbers stay
// numbers (so money keeps its pence); everything else becomes text.

export type Cell = string | number | null;
export interface Table {
  sheet: string | null;
  rows: Cell[][];
}

export async function readTable(fileName: string, data: Buffer): Promise<Table> {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'csv' || extension === 'txt') return { sheet: null, rows: readCsv(data) };
  if (extension === 'xlsx') return readXlsx(data);
  if (extension === 'xls')
    throw new Refusal(
      'invalid_input',
      `${fileName} is an old-style Excel file (.xls): save it as .xlsx or .csv and import that`,
    );
  throw new Refusal(
    'invalid_input',
    `${fileName} is not a schedule Tranche can read: use a .xlsx workbook or a .csv file`,
  );
}

function readCsv(data: Buffer): Cell[][] {
  let text = data.toString('utf8');
  if (text.includes('\uFFFD')) text = data.toString('latin1'); // Excel on Windows saves CSV as Windows-1252
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0)
      ? '\t'
      : firstLine.includes(';') && !firstLine.includes(',')
        ? ';'
        : ',';
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    throw new Refusal(
      'invalid_input',
      `The CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function readXlsx(data: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Refusal('invalid_input', 'The file is not a readable Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new Refusal('invalid_input', 'The workbook has no rows in any sheet');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= sheet.actualColumnCount; column++)
      cells.push(cellValue(row.getCell(column).value));
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
