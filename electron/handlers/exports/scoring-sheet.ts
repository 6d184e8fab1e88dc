import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libraries';
import { commitSheet, streamingWorkbook } from './streaming-workbook';
import { checkWorkbook } from '../imports/office-file-guard';
import { Refusal } from '../refusal';
import { formatDate } from '../../../shared/dates';
import type {
  ExportCriterion,
  ExportFramework,
  ReadScoringSheet,
  ScoringSheetData,
  ScoringSheetRow,
} from './types';

// An offline scoring workbook for one assessor, and the reader for it when it comes back.
//
// Where the identity lives: a hidden sheet "About" holds a marker and the round id and assessor
// as label/value pairs (A1:B4, see ABOUT_ROWS). A hidden sheet survives Excel and LibreOffice
// round trips, unlike custom document properties, and can still be unhidden by someone curious.
// The reader finds the "Scores" table by its header row rather than a fixed row number, so a
// future change to the title block does not strand sheets already sent out.

export class ScoringSheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringSheetError';
  }
}

const SCORES_SHEET = 'Scores';
const GUIDANCE_SHEET = 'Guidance';
const ABOUT_SHEET = 'About';
const MARKER = 'Tranche scoring sheet';
const FORMAT_VERSION = 1;
const ABOUT_ROWS = { marker: 1, version: 2, roundId: 3, assessor: 4 } as const;

const COLUMNS = [
  { header: 'Bid', width: 8 },
  { header: 'Partnership', width: 22 },
  { header: 'Project', width: 36 },
  { header: 'Requested', width: 13 },
  { header: 'Criterion', width: 10 },
  { header: 'Criterion name', width: 30 },
  { header: 'Weight', width: 18 },
  { header: 'Score', width: 9 },
  { header: 'Justification', width: 70 },
] as const;
type ColumnHeader = (typeof COLUMNS)[number]['header'];
const col = (header: ColumnHeader): number => COLUMNS.findIndex((c) => c.header === header) + 1;

const HEADER_ROW = 6;
const GATEWAY_WEIGHT = 'Pass (1) / fail (0)';
const BOLD = { bold: true } as const;
const RULE: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF595959' } };

export async function buildScoringSheetXlsx(data: ScoringSheetData): Promise<Buffer> {
  // Streamed (streaming-workbook.ts): an assessor with every bid of a 20,000-bid round has 160,000
  // rows, each committed as soon as it is written.
  const book = await streamingWorkbook(new Date(data.generatedAt));
  await addScoresSheet(book.workbook, data);
  await addGuidanceSheet(book.workbook, data.framework);
  await addAboutSheet(book.workbook, data);
  return book.finish();
}

async function addScoresSheet(workbook: ExcelJS.Workbook, data: ScoringSheetData): Promise<void> {
  const sheet = workbook.addWorksheet(SCORES_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  writeTitleBlock(sheet, data);

  const header = sheet.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = BOLD;
  header.eachCell((cell) => (cell.border = { bottom: RULE }));
  header.commit();

  let rowNumber = HEADER_ROW + 1;
  const [plain, ruled] = [rowStyles(false), rowStyles(true)];
  const validations = new Map(
    data.framework.criteria.map((c) => [c.code, scoreValidation(data.framework, c)]),
  );
  data.bids.forEach((bid, bidIndex) => {
    data.framework.criteria.forEach((criterion, criterionIndex) => {
      const row = sheet.getRow(rowNumber++);
      // A rule between bids makes each bid's block easy to see when scrolling a long sheet.
      const styles = bidIndex > 0 && criterionIndex === 0 ? ruled : plain;
      writeScoreRow(row, data, bid, criterion, styles, validations.get(criterion.code)!);
      row.commit();
    });
  });
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: COLUMNS.length },
  };
  // Protected without a password: it stops a stray keystroke from changing which bid or criterion
  // a score belongs to, but anyone who needs to can switch it off.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });
  await commitSheet(sheet);
}

function writeTitleBlock(sheet: ExcelJS.Worksheet, data: ScoringSheetData): void {
  const title = sheet.getCell('A1');
  title.value = `${data.fund}: ${data.roundName}`;
  title.font = { bold: true, size: 14 };
  const facts: [string, string][] = [
    ['Assessor', data.assessor],
    ['Generated', formatDate(data.generatedAt)],
  ];
  facts.forEach(([label, value], i) => {
    sheet.getCell(2 + i, 1).value = label;
    sheet.getCell(2 + i, 1).font = BOLD;
    sheet.getCell(2 + i, 2).value = value;
  });
  const { scaleMin, scaleMax } = data.framework;
  sheet.getCell(4, 1).value =
    `Enter a whole-number score from ${scaleMin} to ${scaleMax} (gateways: 1 pass, 0 fail) and a ` +
    `justification on each row, ` +
    'then import this file into Tranche. The Guidance sheet describes each criterion and score.';
  sheet.getCell(4, 1).font = { italic: true };
}

type Style = Partial<ExcelJS.Style>;

/**
 * The styles of a score row's cells, made once and shared by every row: exceljs recognises a style
 * object it has seen by its identity, where a new object per cell is rendered and compared as XML
 * each time. A cell's border or alignment must therefore never be set on its own (that would change
 * the shared object); a row that needs another look gets another set (`ruled`, the first row of a bid).
 */
function rowStyles(ruled: boolean) {
  const border: Style = ruled ? { border: { top: RULE } } : {};
  const wrapped: Style = { ...border, alignment: { wrapText: true, vertical: 'top' } };
  return {
    plain: border,
    wrapped,
    pounds: { ...border, numFmt: '"£"#,##0' },
    pence: { ...border, numFmt: '"£"#,##0.00' },
    weight: { ...border, numFmt: '0"%"', alignment: { horizontal: 'left' } },
    score: { ...border, protection: { locked: false }, alignment: { horizontal: 'center', vertical: 'top' } },
    justification: { ...wrapped, protection: { locked: false } },
  } satisfies Record<string, Style>;
}
type RowStyles = ReturnType<typeof rowStyles>;

function writeScoreRow(
  row: ExcelJS.Row,
  data: ScoringSheetData,
  bid: ScoringSheetData['bids'][number],
  criterion: ExportCriterion,
  styles: RowStyles,
  validation: ExcelJS.DataValidation,
): void {
  const existing = data.existing[bid.ref]?.[criterion.code];
  const cell = (header: ColumnHeader, value: ExcelJS.CellValue, style: Style) => {
    const target = row.getCell(col(header));
    target.value = value;
    target.style = style;
    return target;
  };
  cell('Bid', bid.ref, styles.plain);
  cell('Partnership', bid.partnership, styles.wrapped);
  cell('Project', bid.title, styles.wrapped);
  cell('Requested', bid.requestedPence / 100, bid.requestedPence % 100 === 0 ? styles.pounds : styles.pence);
  cell('Criterion', criterion.code, styles.plain);
  cell('Criterion name', criterion.name, styles.wrapped);
  if (criterion.gateway) cell('Weight', GATEWAY_WEIGHT, styles.plain);
  else cell('Weight', criterion.weight, styles.weight);
  cell('Score', existing?.score ?? null, styles.score).dataValidation = validation;
  const justification = existing && existing.justification !== '' ? existing.justification : null;
  cell('Justification', justification, styles.justification);
}

function scoreValidation(framework: ExportFramework, criterion: ExportCriterion): ExcelJS.DataValidation {
  const [min, max] = criterion.gateway ? [0, 1] : [framework.scaleMin, framework.scaleMax];
  const prompt = criterion.gateway
    ? `${criterion.code} is a gateway: enter 1 (pass) or 0 (fail).`
    : `Enter a whole number from ${min} to ${max}.` +
      `${criterion.minScore === null ? '' : ` Minimum to pass: ${criterion.minScore}.`}`;
  return {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showInputMessage: true,
    promptTitle: `Score for ${criterion.code}`,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Score out of range',
    error: `The score must be a whole number from ${min} to ${max}.`,
  };
}

async function addGuidanceSheet(workbook: ExcelJS.Workbook, framework: ExportFramework): Promise<void> {
  const sheet = workbook.addWorksheet(GUIDANCE_SHEET);
  [10, 30, 18, 10, 80].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getCell('A1').value = 'Criteria';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const header = sheet.addRow(['Code', 'Name', 'Weight', 'Minimum', 'Guidance']);
  header.font = BOLD;
  for (const criterion of framework.criteria) {
    const row = sheet.addRow([
      criterion.code,
      criterion.name,
      criterion.gateway ? GATEWAY_WEIGHT : `${criterion.weight}%`,
      criterion.minScore,
      criterion.guidance,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  sheet.addRow([]);
  sheet.addRow(['Scale']).font = { bold: true, size: 14 };
  sheet.addRow([
    `Scores run from ${framework.scaleMin} to ${framework.scaleMax}; gateway criteria are scored 1 (pass) or 0 (fail).`,
  ]);
  sheet.addRow(['Score', 'Descriptor']).font = BOLD;
  for (const { score, descriptor } of [...framework.descriptors].sort((a, b) => a.score - b.score)) {
    sheet.addRow([score, descriptor]).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }
  await commitSheet(sheet);
}

async function addAboutSheet(workbook: ExcelJS.Workbook, data: ScoringSheetData): Promise<void> {
  const sheet = workbook.addWorksheet(ABOUT_SHEET, { state: 'hidden' });
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 40;
  sheet.getRow(ABOUT_ROWS.marker).values = [
    MARKER,
    'Read by Tranche when this file is imported: do not edit.',
  ];
  sheet.getRow(ABOUT_ROWS.version).values = ['Format version', FORMAT_VERSION];
  sheet.getRow(ABOUT_ROWS.roundId).values = ['Round id', data.roundId];
  sheet.getRow(ABOUT_ROWS.assessor).values = ['Assessor', data.assessor];
  await commitSheet(sheet);
}

// ---- Reading a sheet back -------------------------------------------------------------------

export async function readScoringSheetXlsx(data: Buffer): Promise<ReadScoringSheet> {
  const workbook = await loadWorkbook(data);
  const about = workbook.getWorksheet(ABOUT_SHEET);
  const scores = workbook.getWorksheet(SCORES_SHEET);
  if (!about || cellText(about.getCell(ABOUT_ROWS.marker, 1).value) !== MARKER || !scores) {
    throw new ScoringSheetError(
      'This workbook is not a Tranche scoring sheet: export a scoring sheet from Tranche, fill it in ' +
        'and import that file',
    );
  }
  const roundId = Number(cellText(about.getCell(ABOUT_ROWS.roundId, 2).value));
  const assessor = cellText(about.getCell(ABOUT_ROWS.assessor, 2).value);
  return {
    assessor: assessor === '' ? null : assessor,
    roundId: Number.isSafeInteger(roundId) && roundId > 0 ? roundId : null,
    rows: readScoreRows(scores),
  };
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  // Sizes first (rows, columns, cells, unpacked bytes), before exceljs builds the whole workbook.
  const unreadable = () =>
    new ScoringSheetError(
      'The file is not a readable Excel workbook (.xlsx): save the scoring sheet as .xlsx and import it again',
    );
  try {
    checkWorkbook(data);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    throw /not a readable/.test(error.message) ? unreadable() : new ScoringSheetError(error.message);
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  return workbook;
}

function readScoreRows(sheet: ExcelJS.Worksheet): ScoringSheetRow[] {
  const columns = findColumns(sheet);
  const rows: ScoringSheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= columns.headerRow) return;
    const score = scoreValue(row.getCell(columns.score).value);
    const justification = cellText(row.getCell(columns.justification).value);
    if (score === null && justification === '') return;
    rows.push({
      row: rowNumber,
      bid: cellText(row.getCell(columns.bid).value),
      criterion: cellText(row.getCell(columns.criterion).value),
      score,
      justification,
    });
  });
  return rows;
}

interface ScoreColumns {
  headerRow: number;
  bid: number;
  criterion: number;
  score: number;
  justification: number;
}

function findColumns(sheet: ExcelJS.Worksheet): ScoreColumns {
  const wanted: ColumnHeader[] = ['Bid', 'Criterion', 'Score', 'Justification'];
  for (let rowNumber = 1; rowNumber <= Math.min(sheet.rowCount, 30); rowNumber++) {
    const found = new Map<string, number>();
    sheet.getRow(rowNumber).eachCell((cell, column) => {
      const text = cellText(cell.value);
      if (wanted.includes(text as ColumnHeader) && !found.has(text)) found.set(text, column);
    });
    const [bid, criterion, score, justification] = wanted.map((header) => found.get(header));
    if (bid && criterion && score && justification)
      return { headerRow: rowNumber, bid, criterion, score, justification };
  }
  throw new ScoringSheetError(
    `The "${SCORES_SHEET}" sheet has lost its header row (Bid, Criterion, Score, Justification): ` +
      `export a fresh scoring sheet from Tranche`,
  );
}

function scoreValue(value: ExcelJS.CellValue): number | string | null {
  const plain = plainValue(value);
  if (typeof plain === 'number') return plain;
  const text = cellText(plain);
  return text === '' ? null : text;
}

/** A formula's result or a hyperlink's text, so what is read is what the assessor saw. */
function plainValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return value;
}

function cellText(value: ExcelJS.CellValue): string {
  const plain = plainValue(value);
  if (plain === null || plain === undefined) return '';
  if (plain instanceof Date) return plain.toISOString().slice(0, 10);
  return String(plain).trim();
}
