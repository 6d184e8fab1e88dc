import type ExcelJS from 'exceljs';
import { commitSheet, drained, streamingWorkbook } from './streaming-workbook';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { marksOf, titleOf } from './panel-pack-words';
import type { PanelPackData } from './types';

// The panel pack: what the panel reads before and during the meeting at which bids are ranked.
// The workbook carries every figure for anyone who wants to sort or check; the PDF (panel-pack-pdf.ts)
// is for reading, tagged like the notice so a screen reader can follow it.

export { buildPanelPackPdf } from './panel-pack-pdf';

const MONEY_FORMAT = '"£"#,##0';
const SCORE_FORMAT = '0.00';

// ---- Workbook -------------------------------------------------------------------------------
// Written with the streaming writer (streaming-workbook.ts): at 20,000 bids the Scores sheet alone
// has hundreds of thousands of rows, so every row is committed as soon as it is written, in order.

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** A cell's value, or a value with a number format of its own (it overrides the column's). */
type TableValue = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export async function buildPanelPackXlsx(data: PanelPackData): Promise<Buffer> {
  const book = await streamingWorkbook(new Date(data.generatedAt));
  await addRankingSheet(book.workbook, data);
  await addScoresSheet(book.workbook, data);
  await addModerationSheet(book.workbook, data);
  await addDeclarationsSheet(book.workbook, data);
  await addFrameworkSheet(book.workbook, data);
  return book.finish();
}

/**
 * Writes the title block every sheet starts with, so a printed sheet says what it belongs to; returns the
 * next free row.
 */
function writeTitle(sheet: ExcelJS.Worksheet, data: PanelPackData, heading: string): number {
  sheet.getCell('A1').value = `${titleOf(data)} – ${heading}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const year = data.financialYear ? `Financial year ${data.financialYear} · ` : '';
  sheet.getCell('A2').value = `Panel pack · ${year}generated ${formatDate(data.generatedAt)}`;
  if (!data.demoNotice) return 4;
  sheet.getCell('A3').value = data.demoNotice;
  sheet.getCell('A3').font = { bold: true };
  return 5;
}

/**
 * A titled sheet holding one table, with its header frozen and filterable. The sheet is left open
 * for rows below the table; the caller commits it.
 */
async function addTableSheet(
  workbook: ExcelJS.Workbook,
  data: PanelPackData,
  name: string,
  columns: Column[],
  rows: readonly TableValue[][],
): Promise<ExcelJS.Worksheet> {
  const headerRow = data.demoNotice ? 5 : 4;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  setWidths(sheet, columns);
  writeTitle(sheet, data, name);
  await writeTable(sheet, headerRow, columns, rows);
  if (rows.length > 0)
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: columns.length },
    };
  return sheet;
}

/** Column widths are written before the first row, so they are set once, up front. */
function setWidths(sheet: ExcelJS.Worksheet, columns: Column[]): void {
  columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));
}

async function writeTable(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  columns: Column[],
  rows: readonly TableValue[][],
): Promise<void> {
  const header = sheet.getRow(headerRow);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'bottom' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF595959' } } };
  });
  header.commit();
  // One style object per column (and per number format of its own), shared by every cell: exceljs
  // recognises a style it has seen by its identity, where a new object per cell is rendered and
  // compared as XML each time, which at 20,000 bids took most of the export's time.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (column: Column, i: number, numFmt: string | undefined): Partial<ExcelJS.Style> => {
    const key = `${i}\u0000${numFmt ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      style = {
        alignment: { vertical: 'top', wrapText: column.wrap ?? false },
        ...(numFmt ? { numFmt } : {}),
      };
      styles.set(key, style);
    }
    return style;
  };
  for (const [r, values] of rows.entries()) {
    const row = sheet.getRow(headerRow + 1 + r);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value = values[i] ?? null;
      const own = value !== null && typeof value === 'object' && 'numFmt' in value ? value : null;
      cell.value = own ? own.value : (value as ExcelJS.CellValue);
      cell.style = styleOf(column, i, own?.numFmt ?? column.numFmt);
    });
    row.commit();
    await drained(r);
  }
}

async function addRankingSheet(workbook: ExcelJS.Workbook, data: PanelPackData): Promise<void> {
  const criteria = data.framework.criteria;
  const columns: Column[] = [
    { header: 'Rank', width: 6 },
    { header: 'Ref', width: 8 },
    { header: 'Partnership', width: 20, wrap: true },
    { header: 'Project', width: 36, wrap: true },
    { header: 'Requested', width: 13, numFmt: MONEY_FORMAT },
    { header: 'Weighted score', width: 10, numFmt: SCORE_FORMAT },
    { header: 'Assessors', width: 10 },
    { header: 'Marks', width: 28, wrap: true },
    ...criteria.map((c) => ({ header: `${c.code} ${c.name}`, width: 12, numFmt: SCORE_FORMAT })),
    { header: 'Moderated criteria', width: 14, wrap: true },
  ];
  const rows = data.ranking.map((bid): TableValue[] => {
    const values = new Map(bid.criteria.map((value) => [value.code, value.value]));
    const requested = bid.requestedPence / 100;
    return [
      bid.rank,
      bid.ref,
      bid.partnership,
      bid.title,
      // Pence that are not whole pounds would vanish under the whole-pound format.
      bid.requestedPence % 100 === 0 ? requested : { value: requested, numFmt: '"£"#,##0.00' },
      bid.weightedScore,
      bid.assessorCount,
      marksOf(bid).join('; '),
      ...criteria.map((c) => values.get(c.code) ?? null),
      bid.criteria
        .filter((c) => c.moderated)
        .map((c) => c.code)
        .join(', '),
    ];
  });
  const sheet = await addTableSheet(workbook, data, 'Ranking', columns, rows);
  const totalRow = sheet.addRow([]);
  totalRow.getCell(4).value = `Total requested (available: ${formatMoney(data.availablePence)})`;
  totalRow.getCell(5).value = data.ranking.reduce((sum, bid) => sum + bid.requestedPence, 0) / 100;
  totalRow.getCell(5).numFmt = '"£"#,##0.##';
  totalRow.font = { bold: true };
  await commitSheet(sheet);
}

async function addScoresSheet(workbook: ExcelJS.Workbook, data: PanelPackData): Promise<void> {
  const columns: Column[] = [
    { header: 'Ref', width: 8 },
    { header: 'Assessor', width: 22 },
    { header: 'Criterion', width: 10 },
    { header: 'Score', width: 8 },
    { header: 'Justification', width: 90, wrap: true },
  ];
  const rows = data.scores.map((s) => [s.ref, s.assessor, s.criterion, s.score, s.justification]);
  await commitSheet(await addTableSheet(workbook, data, 'Scores', columns, rows));
}

async function addModerationSheet(workbook: ExcelJS.Workbook, data: PanelPackData): Promise<void> {
  const columns: Column[] = [
    { header: 'Ref', width: 8 },
    { header: 'Criterion', width: 10 },
    { header: 'Score', width: 8 },
    { header: 'Reason', width: 80, wrap: true },
    { header: 'By', width: 22 },
  ];
  const rows = data.moderations.map((m) => [m.ref, m.criterion, m.score, m.reason, m.by]);
  await commitSheet(await addTableSheet(workbook, data, 'Moderation', columns, rows));
}

async function addDeclarationsSheet(workbook: ExcelJS.Workbook, data: PanelPackData): Promise<void> {
  const columns: Column[] = [
    { header: 'Ref', width: 8 },
    { header: 'Person', width: 24 },
    { header: 'Conflict', width: 10 },
    { header: 'Nature', width: 80, wrap: true },
  ];
  const rows = data.declarations.map((d) => [d.ref, d.person, d.conflict ? 'Yes' : 'No', d.nature]);
  await commitSheet(await addTableSheet(workbook, data, 'Declarations', columns, rows));
}

async function addFrameworkSheet(workbook: ExcelJS.Workbook, data: PanelPackData): Promise<void> {
  const { framework } = data;
  // The scale's descriptors sit below the criteria in the first two columns, which are wide enough.
  const criteriaColumns: Column[] = [
    { header: 'Code', width: 10 },
    { header: 'Name', width: 30, wrap: true },
    { header: 'Weight (%)', width: 11 },
    { header: 'Minimum', width: 10 },
    { header: 'Gateway', width: 10 },
    { header: 'Guidance', width: 80, wrap: true },
  ];
  const criteriaRows = framework.criteria.map((c) => [
    c.code,
    c.name,
    c.gateway ? null : c.weight,
    c.minScore,
    c.gateway ? 'Yes' : 'No',
    c.guidance,
  ]);
  const sheet = await addTableSheet(workbook, data, 'Framework', criteriaColumns, criteriaRows);

  const next = (data.demoNotice ? 5 : 4) + criteriaRows.length + 2;
  sheet.getCell(next, 1).value =
    `Scores run from ${framework.scaleMin} to ${framework.scaleMax}; gateways are 1 (pass) or 0 (fail).`;
  sheet.getCell(next + 1, 1).value =
    framework.threshold === null ? 'No overall threshold.' : `Threshold: ${framework.threshold}`;
  sheet.getCell(next + 2, 1).value = `Available to allocate: ${formatMoney(data.availablePence)}`;
  const descriptors = [...framework.descriptors]
    .sort((a, b) => a.score - b.score)
    .map((d) => [d.score, d.descriptor]);
  await writeTable(
    sheet,
    next + 4,
    [
      { header: 'Score', width: 10 },
      { header: 'Descriptor', width: 30, wrap: true },
    ],
    descriptors,
  );
  await commitSheet(sheet);
}
