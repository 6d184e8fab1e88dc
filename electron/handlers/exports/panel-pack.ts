import type ExcelJS from 'exceljs';
import { commitSheet, drained, streamingWorkbook } from './streaming-workbook';
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  Node,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { PDF_FONT, renderPdf } from './pdf';
import { groupBy } from '../../../db/group-by';
import type { ExportCriterion, ExportFramework, PanelPackData } from './types';

// The panel pack: what the panel reads before and during the meeting at which bids are ranked.
// The workbook carries every figure for anyone who wants to sort or check; the PDF is for reading.

type RankedBid = PanelPackData['ranking'][number];

const MONEY_FORMAT = '"£"#,##0';
const SCORE_FORMAT = '0.00';

// ---- Wording shared by both documents -------------------------------------------------------

function marksOf(bid: RankedBid): string[] {
  const marks: string[] = [];
  if (bid.failedGateway) marks.push('failed gateway');
  if (bid.belowMinimum) marks.push('below a criterion minimum');
  if (bid.belowThreshold) marks.push('below threshold');
  if (bid.weightedScore === null) marks.push('not fully scored');
  return marks;
}

const twoDecimals = (value: number | null): string => (value === null ? '' : value.toFixed(2));
const weightLabel = (c: ExportCriterion): string => (c.gateway ? 'gateway (pass/fail)' : `${c.weight}%`);

function titleOf(data: PanelPackData): string {
  return `${data.fund}: ${data.roundName}`;
}

function criterionName(framework: ExportFramework, code: string): string {
  const criterion = framework.criteria.find((c) => c.code === code);
  return criterion ? `${criterion.code} ${criterion.name}` : code;
}

function rankingExplanation(framework: ExportFramework): string {
  const threshold = framework.threshold === null ? '' : ` The threshold is ${framework.threshold}.`;
  return (
    'For each criterion the value used is the moderated score if there is one, otherwise the mean of ' +
    'the submitted scores ' +
    `of assessors without a conflict of interest. Each value is normalised as (score − ${framework.scaleMin}) / ` +
    (`(${framework.scaleMax} − ${framework.scaleMin}), multiplied by the criterion's weight and summed, ` +
      `giving a weighted score `) +
    ('from 0 to 100. Bids that fail a gateway, fall below a criterion minimum or fall below the ' +
      'threshold are marked and ranked ') +
    `after all the others.${threshold}`
  );
}

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

// ---- PDF ------------------------------------------------------------------------------------

export async function buildPanelPackPdf(data: PanelPackData): Promise<Buffer> {
  return renderPdf(panelPackDefinition(data));
}

const RULE_COLOUR = '#404040';
const PAGE_MARGINS: [number, number, number, number] = [40, 48, 40, 44];

function panelPackDefinition(data: PanelPackData): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${titleOf(data)} – panel pack`,
      subject: 'Panel pack',
      creator: 'Tranche',
      producer: 'Tranche',
    },
    defaultStyle: { font: PDF_FONT, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: '#333333' },
      th: { bold: true },
    },
    header: (page) => runningHeader(data, page),
    footer: (page, pages, size) => runningFooter(data, page, pages, size.width),
    pageBreakBefore: strandedHeading,
    content: [
      ...opening(data),
      ...rankingSection(data),
      ...criterionMatrix(data),
      ...frameworkSection(data.framework),
      ...data.ranking.flatMap((bid) => bidSection(data, bid)),
    ],
  };
}

// Room a heading needs below it for what it introduces: its own line, a table's header row and a
// first row. pdfmake's own node queries cannot tell (rows rolled back by keepWithHeaderRows still
// count as on the page, as do the running header and footer), so this measures the space left.
const ROOM_AFTER_HEADING = 90;

/** Moves a heading to the next page when it would otherwise sit at the foot of a page on its own. */
function strandedHeading(node: Node): boolean {
  if (node.headlineLevel !== 1) return false;
  const { pageInnerHeight, verticalRatio } = node.startPosition;
  return pageInnerHeight * (1 - verticalRatio) < ROOM_AFTER_HEADING;
}

function runningHeader(data: PanelPackData, page: number): Content {
  return {
    margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    fontSize: 8,
    columns: [
      { text: page === 1 ? '' : `${titleOf(data)} – panel pack`, style: 'muted' },
      { text: data.demoNotice ?? '', bold: true, alignment: 'right' },
    ],
  };
}

function runningFooter(data: PanelPackData, page: number, pages: number, pageWidth: number): Content {
  return {
    margin: [PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 0],
    stack: [
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 0,
            x2: pageWidth - PAGE_MARGINS[0] - PAGE_MARGINS[2],
            y2: 0,
            lineWidth: 0.5,
            lineColor: RULE_COLOUR,
          },
        ],
      },
      {
        margin: [0, 4, 0, 0],
        fontSize: 8,
        columns: [
          { text: `Generated by Tranche on ${formatDate(data.generatedAt)}`, style: 'muted' },
          { text: `Page ${page} of ${pages}`, alignment: 'right' },
        ],
      },
    ],
  };
}

function opening(data: PanelPackData): Content[] {
  const totalRequested = data.ranking.reduce((sum, bid) => sum + bid.requestedPence, 0);
  const year = data.financialYear ? ` · financial year ${data.financialYear}` : '';
  const content: Content[] = [
    { text: titleOf(data), style: 'title' },
    {
      text: `Panel pack${year} · generated ${formatDate(data.generatedAt)}`,
      style: 'muted',
      margin: [0, 0, 0, 8],
    },
  ];
  if (data.demoNotice) content.push(noticeBox(data.demoNotice));
  content.push({
    text:
      `${data.ranking.length} ${data.ranking.length === 1 ? 'bid requests' : 'bids request'} ` +
      `${formatMoney(totalRequested)} in all; ${formatMoney(data.availablePence)} is available to ` +
      `allocate.`,
    margin: [0, 0, 0, 4],
  });
  content.push(
    { text: 'How the ranking is computed', style: 'h2', headlineLevel: 1 },
    { text: rankingExplanation(data.framework) },
  );
  return content;
}

function noticeBox(notice: string): Content {
  return {
    margin: [0, 0, 0, 10],
    table: { widths: ['*'], body: [[{ text: notice, bold: true, fontSize: 11, margin: [6, 4, 6, 4] }]] },
    layout: {
      hLineWidth: () => 1.5,
      vLineWidth: () => 1.5,
      hLineColor: () => RULE_COLOUR,
      vLineColor: () => RULE_COLOUR,
    },
  };
}

/** Light rules between rows, a firmer one under the header; no vertical lines. */
function tableLayout(strongRuleBefore: (row: number) => boolean = () => false): CustomTableLayout {
  return {
    hLineWidth: (i, node) =>
      i === 0 || i === (node.table.headerRows ?? 0) || i === node.table.body.length || strongRuleBefore(i)
        ? 0.8
        : 0.25,
    vLineWidth: () => 0,
    hLineColor: () => RULE_COLOUR,
    paddingLeft: (i) => (i === 0 ? 0 : 4),
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

function headerRow(labels: string[], rightAligned: number[] = []): TableCell[] {
  return labels.map((text, i) => ({
    text,
    style: 'th',
    alignment: rightAligned.includes(i) ? 'right' : 'left',
  }));
}

function rankingSection(data: PanelPackData): Content[] {
  const body: TableCell[][] = [
    headerRow(
      ['Rank', 'Ref', 'Partnership', 'Project', 'Requested', 'Weighted score', 'Assessors', 'Marks'],
      [4, 5, 6],
    ),
    ...data.ranking.map((bid): TableCell[] => [
      String(bid.rank),
      { text: bid.ref, bold: true },
      bid.partnership,
      bid.title,
      { text: formatMoney(bid.requestedPence), alignment: 'right' },
      { text: twoDecimals(bid.weightedScore) || '–', alignment: 'right' },
      { text: String(bid.assessorCount), alignment: 'right' },
      marksOf(bid).join('; '),
    ]),
  ];
  const table: ContentTable = {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [26, 34, 150, '*', 62, 50, 46, 150],
      body,
    },
    layout: tableLayout(),
  };
  return [{ text: 'Ranking', style: 'h1', headlineLevel: 1 }, table];
}

/** Every bid's value for every criterion side by side, which the ranking table has no room for. */
function criterionMatrix(data: PanelPackData): Content[] {
  const criteria = data.framework.criteria;
  if (criteria.length === 0 || data.ranking.length === 0) return [];
  const usable = 842 - PAGE_MARGINS[0] - PAGE_MARGINS[2] - 40;
  const width = Math.max(28, Math.min(80, usable / criteria.length - 8));
  const header = headerRow(
    ['Ref', ...criteria.map((c) => `${c.code}\n${c.gateway ? 'gateway' : `${c.weight}%`}`)],
    criteria.map((_, i) => i + 1),
  );
  const rows = data.ranking.map((bid): TableCell[] => [
    { text: bid.ref, bold: true },
    ...criteria.map((c): TableCell => {
      const value = bid.criteria.find((v) => v.code === c.code);
      const text =
        value?.value === null || value === undefined
          ? '–'
          : `${twoDecimals(value.value)}${value.moderated ? '*' : ''}`;
      return { text, alignment: 'right' };
    }),
  ]);
  return [
    { text: 'Criterion values', style: 'h1', headlineLevel: 1 },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [34, ...criteria.map(() => width)],
        body: [header, ...rows],
      },
      layout: tableLayout(),
    },
    {
      text: '* moderated score. Other values are the mean of the submitted scores.',
      style: 'muted',
      fontSize: 8,
      margin: [0, 4, 0, 0],
    },
  ];
}

function frameworkSection(framework: ExportFramework): Content[] {
  const criteria: TableCell[][] = [
    headerRow(['Code', 'Criterion', 'Weight', 'Minimum', 'Guidance']),
    ...framework.criteria.map((c): TableCell[] => [
      c.code,
      c.name,
      weightLabel(c),
      c.minScore === null ? '–' : String(c.minScore),
      c.guidance,
    ]),
  ];
  const scale: TableCell[][] = [
    headerRow(['Score', 'Descriptor']),
    ...[...framework.descriptors]
      .sort((a, b) => a.score - b.score)
      .map((d): TableCell[] => [String(d.score), d.descriptor]),
  ];
  return [
    { text: 'Scoring framework', style: 'h1', headlineLevel: 1 },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [40, 150, 90, 50, '*'],
        body: criteria,
      },
      layout: tableLayout(),
    },
    { text: `Scale: ${framework.scaleMin} to ${framework.scaleMax}`, style: 'h2', headlineLevel: 1 },
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [40, '*'], body: scale },
      layout: tableLayout(),
    },
  ];
}

function bidSection(data: PanelPackData, bid: RankedBid): Content[] {
  const marks = marksOf(bid);
  const facts = [
    `Rank ${bid.rank}`,
    `requested ${formatMoney(bid.requestedPence)}`,
    `weighted score ${twoDecimals(bid.weightedScore) || 'not yet available'}`,
    `${bid.assessorCount} ${bid.assessorCount === 1 ? 'assessor' : 'assessors'}`,
  ];
  return [
    { text: `${bid.ref}  ${bid.title}`, style: 'h1', pageBreak: 'before', margin: [0, 0, 0, 2] },
    { text: bid.partnership, style: 'muted', margin: [0, 0, 0, 2] },
    {
      text: facts.join(' · ') + (marks.length > 0 ? ` · marked: ${marks.join('; ')}` : ''),
      margin: [0, 0, 0, 6],
    },
    scoresTable(data, bid),
    { text: 'Moderation', style: 'h2', headlineLevel: 1 },
    moderationTable(data, bid),
    { text: 'Declarations of interest', style: 'h2', headlineLevel: 1 },
    declarationsTable(data, bid),
  ];
}

/** Each criterion as a sub-heading row carrying its value, followed by every assessor's score. */
/**
 * The pack's scores, moderations and declarations grouped by bid (and criterion) once per pack:
 * filtering every score for every bid and criterion made a 10,000-bid pack quadratic.
 */
const groupedOf = new WeakMap<PanelPackData, ReturnType<typeof groupPack>>();
function groupPack(data: PanelPackData) {
  return {
    scores: groupBy(data.scores, (s) => `${s.ref}\u0000${s.criterion}`),
    moderations: groupBy(data.moderations, (m) => m.ref),
    declarations: groupBy(data.declarations, (d) => d.ref),
  };
}
function grouped(data: PanelPackData) {
  let found = groupedOf.get(data);
  if (!found) groupedOf.set(data, (found = groupPack(data)));
  return found;
}

function scoresTable(data: PanelPackData, bid: RankedBid): Content {
  const body: TableCell[][] = [headerRow(['Assessor', 'Score', 'Justification'], [1])];
  const groupStarts = new Set<number>();
  for (const criterion of data.framework.criteria) {
    const result = bid.criteria.find((c) => c.code === criterion.code);
    const value =
      result?.value == null
        ? 'no value yet'
        : `${result.moderated ? 'moderated' : 'mean'} ${twoDecimals(result.value)}`;
    groupStarts.add(body.length);
    body.push([
      {
        text: [
          { text: `${criterion.code}  ${criterion.name}`, bold: true },
          `   ${weightLabel(criterion)} · ${value}`,
        ],
        colSpan: 3,
      },
      {},
      {},
    ]);
    const scores = grouped(data).scores.get(`${bid.ref}\u0000${criterion.code}`) ?? [];
    if (scores.length === 0) body.push([{ text: 'No scores submitted', italics: true, colSpan: 3 }, {}, {}]);
    for (const score of scores) {
      body.push([
        score.assessor,
        { text: String(score.score), alignment: 'right' },
        score.justification || { text: 'No justification given', italics: true },
      ]);
    }
  }
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [120, 32, '*'], body },
    layout: tableLayout((row) => groupStarts.has(row)),
  };
}

function moderationTable(data: PanelPackData, bid: RankedBid): Content {
  const moderations = grouped(data).moderations.get(bid.ref) ?? [];
  if (moderations.length === 0) return { text: 'No scores were moderated.', italics: true };
  const body: TableCell[][] = [
    headerRow(['Criterion', 'Score', 'Reason', 'By'], [1]),
    ...moderations.map((m): TableCell[] => [
      criterionName(data.framework, m.criterion),
      { text: String(m.score), alignment: 'right' },
      m.reason,
      m.by ?? '–',
    ]),
  ];
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [190, 40, '*', 120], body },
    layout: tableLayout(),
  };
}

function declarationsTable(data: PanelPackData, bid: RankedBid): Content {
  const declarations = grouped(data).declarations.get(bid.ref) ?? [];
  if (declarations.length === 0) return { text: 'No declarations recorded.', italics: true };
  const body: TableCell[][] = [
    headerRow(['Person', 'Conflict', 'Nature']),
    ...declarations.map((d): TableCell[] => [d.person, d.conflict ? 'Yes' : 'No', d.nature ?? '–']),
  ];
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: [120, 60, '*'], body },
    layout: tableLayout(),
  };
}
