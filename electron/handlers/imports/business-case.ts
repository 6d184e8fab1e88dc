// Reads a bid's business case from a Word document: its title, its sections as plain text, the cost
// lines and total it states, and warnings for whatever could not be read. It reports what the
// document says and nothing more: checking the arithmetic (quantity × unit, lines against the total)
// is the caller's job, because real cases get it wrong and officers need to see that.

import type { ChildNode, Element, Text } from 'domhandler';
import { formatMoney, parseMoney } from '../../../shared/money';
import { parseMoneyCell } from '../../../shared/money-cell';
import { Refusal } from '../refusal';
import { legacyOfficeMessage } from './legacy-office';
import { checkWordDocument } from './office-file-guard';

export interface BusinessCaseCostLine {
  description: string;
  quantity: number | null;
  unitCostPence: number | null;
  amountPence: number | null;
}

export interface ParsedBusinessCase {
  /** Document title: the first Title/Heading 1 text, else the first non-empty paragraph, else null. */
  title: string | null;
  /** Sections in document order; text before the first heading goes under "Introduction". */
  sections: { heading: string; body: string }[];
  /** One line per costed table row, skipping header and total rows; amounts as the document states them. */
  costLines: BusinessCaseCostLine[];
  /** The total the document states, from a total row or else a sentence; null if none. */
  statedTotalPence: number | null;
  /** What could not be read, each saying where. */
  warnings: string[];
}

export class BusinessCaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BusinessCaseError';
  }
}

export async function parseBusinessCase(data: Uint8Array): Promise<ParsedBusinessCase> {
  const html = await docxToHtml(data);
  // Loaded on first use, like mammoth: the command line starts without them.
  const { parseDocument } = await import('htmlparser2');
  const blocks = readBlocks(parseDocument(html).children);
  if (blocks.length === 0) throw new BusinessCaseError('This Word document has no text in it to import.');

  const warnings: string[] = [];
  const costLines: BusinessCaseCostLine[] = [];
  const tableTotals: StatedTotal[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const costs = readCostTable(block);
    costLines.push(...costs.lines);
    tableTotals.push(...costs.totals);
    warnings.push(...costs.warnings);
  }
  const sentenceTotal = findSentenceTotal(blocks);
  return {
    title: findTitle(blocks),
    sections: buildSections(blocks),
    costLines,
    statedTotalPence: chooseStatedTotal(tableTotals, sentenceTotal, warnings),
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Word → HTML

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const MAX_SPAN = 100;

// mammoth has no default mapping for the Title style; a class keeps it apart from Heading 1.
const STYLE_MAP = ["p[style-name='Title'] => h1.document-title:fresh"];

async function docxToHtml(data: Uint8Array): Promise<string> {
  const legacy = legacyOfficeMessage('This file', data, 'document');
  if (legacy) throw new BusinessCaseError(`${legacy}.`);
  const notDocx = (cause?: unknown) =>
    new BusinessCaseError(
      'This file is not a Word document (.docx), or it is damaged. Save the business case from Word as ' +
        '.docx and try again.',
      { cause },
    );
  if (!startsWith(data, ZIP_SIGNATURE)) throw notDocx();
  // Sizes first, from the archive's own table of contents, before mammoth unpacks it whole.
  try {
    checkWordDocument(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    if (error instanceof Refusal) throw new BusinessCaseError(error.message, { cause: error });
    throw error;
  }
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      // Images carry no text we use; dropping them keeps large documents from bloating the HTML.
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    // mammoth fails this way on a zip that holds no word/document.xml, or on a corrupt one.
    throw notDocx(error);
  }
}

function startsWith(data: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => data[i] === byte);
}

// ---------------------------------------------------------------------------------------------
// HTML → blocks of plain text

type Block =
  | { kind: 'title'; text: string }
  /** level 1–3 from a heading style; null for a short bold paragraph standing in for a heading. */
  | { kind: 'heading'; level: number | null; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; lines: string[] }
  | { kind: 'table'; number: number; rows: TableRow[] };

interface TableRow {
  cells: string[];
  /** Marked as a header row in Word (repeating header row, or all header cells). */
  isHeader: boolean;
}

function readBlocks(nodes: ChildNode[]): Block[] {
  const blocks: Block[] = [];
  let tableCount = 0;
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'table') {
      // Empty tables still count, so "Table 3" in a warning is the third table the officer sees.
      tableCount++;
      const rows = readTableRows(node);
      if (rows.some((row) => row.cells.some((cell) => cell !== '')))
        blocks.push({ kind: 'table', number: tableCount, rows });
      continue;
    }
    if (isList(node)) {
      const lines = listLines(node, 0);
      if (lines.length > 0) blocks.push({ kind: 'list', lines });
      continue;
    }
    const text = tidyText(textOf(node));
    if (text === '') continue;
    if (node.name === 'h1' && node.attribs.class === 'document-title') blocks.push({ kind: 'title', text });
    else if (/^h[1-3]$/.test(node.name))
      blocks.push({ kind: 'heading', level: Number(node.name.slice(1)), text: headingText(text) });
    else if (node.name === 'p' && looksLikeBoldHeading(node, text))
      blocks.push({ kind: 'heading', level: null, text: headingText(text) });
    else blocks.push({ kind: 'paragraph', text });
  }
  return blocks;
}

// domhandler's node types, as the strings its ElementType enum holds.
const isTag = (node: ChildNode): node is Element => (node.type as string) === 'tag';
const isText = (node: ChildNode): node is Text => (node.type as string) === 'text';

const BLOCK_TAGS = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'td',
  'th',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Raw text of a node, with a space wherever Word would break the line so words never run together. */
function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  if (node.name === 'br') return ' ';
  const inner = node.children.map(textOf).join('');
  return BLOCK_TAGS.has(node.name) ? ` ${inner} ` : inner;
}

/** Normalises typography and strips debris pasted in from web pages, then collapses whitespace. */
function tidyText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2212]/g, '-')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Costs:" reads as a heading called "Costs". */
function headingText(text: string): string {
  return text.replace(/\s*:$/, '');
}

// Officers often make headings by bolding a line rather than using a heading style. Only short
// lines that are bold throughout count, and not ones that carry a figure or end a sentence,
// so "Total Bid: £50,000." stays a paragraph.
function looksLikeBoldHeading(p: Element, text: string): boolean {
  if (text.length > 80 || text.split(' ').length > 12 || /[.;,]$/.test(text) || text.includes('£'))
    return false;
  const allBold = (node: ChildNode, bold: boolean): boolean => {
    if (isText(node)) return bold || node.data.trim() === '';
    if (!isTag(node)) return true;
    return node.children.every((child) => allBold(child, bold || node.name === 'strong'));
  };
  return allBold(p, false);
}

const isList = (node: ChildNode): boolean => isTag(node) && (node.name === 'ul' || node.name === 'ol');

function listLines(list: Element, depth: number): string[] {
  const lines: string[] = [];
  for (const item of list.children) {
    if (!isTag(item) || item.name !== 'li') continue;
    const own = tidyText(
      item.children
        .filter((child) => !isList(child))
        .map(textOf)
        .join(''),
    );
    if (own !== '') lines.push(`${'  '.repeat(depth)}- ${own}`);
    for (const sublist of item.children.filter(isTag).filter(isList))
      lines.push(...listLines(sublist, depth + 1));
  }
  return lines;
}

/**
 * Rows as a grid: a cell merged across columns or down rows keeps its text in its first position
 * and leaves the positions it covers empty, so column numbers line up with the header and a
 * merged figure is never counted twice.
 */
function readTableRows(table: Element): TableRow[] {
  const rows: TableRow[] = [];
  let coveredFromAbove = new Map<number, number>(); // column → further rows a merged cell still covers
  for (const { tr, inHead } of tableRowElements(table)) {
    const cells: string[] = [];
    const stillCovered = new Map<number, number>();
    let column = 0;
    const skipCovered = () => {
      for (let left = coveredFromAbove.get(column); left !== undefined; left = coveredFromAbove.get(column)) {
        if (left > 1) stillCovered.set(column, left - 1);
        cells[column++] = '';
      }
    };
    const cellElements = tr.children.filter(
      (c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'),
    );
    for (const cell of cellElements) {
      skipCovered();
      const across = spanOf(cell.attribs.colspan);
      const down = spanOf(cell.attribs.rowspan);
      for (let i = 0; i < across; i++) {
        cells[column + i] = i === 0 ? tidyText(textOf(cell)) : '';
        if (down > 1) stillCovered.set(column + i, down - 1);
      }
      column += across;
    }
    for (const [col, left] of coveredFromAbove) {
      if (col < column) continue;
      cells[col] = '';
      if (left > 1) stillCovered.set(col, left - 1);
    }
    coveredFromAbove = stillCovered;
    const isHeader = inHead || (cellElements.length > 0 && cellElements.every((c) => c.name === 'th'));
    rows.push({ cells: Array.from(cells, (cell) => cell ?? ''), isHeader });
  }
  return rows;
}

function tableRowElements(table: Element): { tr: Element; inHead: boolean }[] {
  const found: { tr: Element; inHead: boolean }[] = [];
  for (const child of table.children) {
    if (!isTag(child)) continue;
    if (child.name === 'tr') found.push({ tr: child, inHead: false });
    else if (['thead', 'tbody', 'tfoot'].includes(child.name)) {
      for (const tr of child.children)
        if (isTag(tr) && tr.name === 'tr') found.push({ tr, inHead: child.name === 'thead' });
    }
  }
  return found;
}

/** A merged cell's span, capped: a document claiming a cell a billion columns wide must not hang us. */
function spanOf(attribute: string | undefined): number {
  const n = Number(attribute);
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

// ---------------------------------------------------------------------------------------------
// Title and sections

function findTitle(blocks: Block[]): string | null {
  const styled = blocks.find((b) => b.kind === 'title' || (b.kind === 'heading' && b.level === 1));
  const chosen = styled ?? blocks.find((b) => b.kind === 'paragraph' || b.kind === 'heading');
  return chosen && 'text' in chosen ? chosen.text : null;
}

function buildSections(blocks: Block[]): { heading: string; body: string }[] {
  const sections: { heading: string; parts: string[] }[] = [{ heading: 'Introduction', parts: [] }];
  for (const block of blocks) {
    if (block.kind === 'title') continue; // the title is the document's name, not part of a section
    if (block.kind === 'heading') sections.push({ heading: block.text, parts: [] });
    else sections.at(-1)?.parts.push(renderBlock(block));
  }
  return sections
    .filter((section, i) => i > 0 || section.parts.length > 0)
    .map(({ heading, parts }) => ({ heading, body: parts.join('\n\n') }));
}

function renderBlock(block: Exclude<Block, { kind: 'title' | 'heading' }>): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'list':
      return block.lines.join('\n');
    case 'table':
      return block.rows
        .filter((row) => row.cells.some((cell) => cell !== ''))
        .map((row) => row.cells.slice(0, lastFilled(row.cells) + 1).join('\t'))
        .join('\n');
  }
}

function lastFilled(cells: string[]): number {
  let last = cells.length - 1;
  while (last >= 0 && cells[last] === '') last--;
  return last;
}

// ---------------------------------------------------------------------------------------------
// Money in table cells

type CellReading =
  | { kind: 'empty' }
  | { kind: 'words' }
  | { kind: 'money'; pence: number; reducedTo?: string }
  | { kind: 'unreadable'; problem: string };

/** Reads a cell that may hold an amount, tidying away the notes people write beside figures. */
function readMoneyCell(cell: string): CellReading {
  let text = cell.replace(/\*/g, '').trim();
  if (text === '' || /^[-|:\s]+$/.test(text)) return { kind: 'empty' }; // blank, or markdown table debris
  text = text
    .replace(/\([^)]*\)?/g, ' ') // "(funding for 5 months…)", "(approx)"
    .replace(/\s+(?:per|each|every)\b.*$/i, '') // "£1098 per officer for twenty Special Constables"
    .replace(/\s*(?:\+|plus|inc\.?|incl\.?|including|excl?\.?|excluding)\s*VAT$/i, '')
    .replace(/^(?:up to|approx(?:imately)?\.?|circa|c\.|about|around|estimated(?: at)?|est\.)\s*/i, '')
    .replace(/\s*(?:approx(?:imately)?\.?|estimated|est\.)$/i, '')
    .replace(/[.,;:]+$/, '')
    .trim();

  const reading = parseMoneyCell(text);
  if (reading.ok) {
    if (reading.empty) return { kind: 'empty' };
    return reading.reducedPence === null
      ? { kind: 'money', pence: reading.pence }
      : { kind: 'money', pence: reading.pence, reducedTo: formatMoney(reading.reducedPence) };
  }
  if (/range/.test(reading.reason))
    return { kind: 'unreadable', problem: `"${cell}" is not a single amount` };
  // A figure we cannot read, rather than words: starts with £, or is nothing but figures.
  if (text.startsWith('£') || (/\d/.test(text) && /^[£\d\s,.\-km]*$/i.test(text))) {
    return { kind: 'unreadable', problem: `"${cell}" could not be read as an amount` };
  }
  return { kind: 'words' };
}

/** "20", "20 officers", "0.5" → the number; anything else is not a quantity. */
function readQuantity(cell: string): number | null {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s|$)/.exec(cell.replace(/\*/g, '').trim());
  return match ? Number(`${(match[1] ?? '').replace(/,/g, '')}${match[2] ?? ''}`) : null;
}

/** A figure written with £, a k/m suffix, pence or thousands commas: unlike "20", surely money. */
function isPlainlyMoney(cell: string): boolean {
  return /£|\d\s*[km]\b|\d\.\d\d\b|\d,\d{3}/i.test(cell);
}

// ---------------------------------------------------------------------------------------------
// Cost tables

interface StatedTotal {
  pence: number;
  isSubtotal: boolean;
}

/** Column positions in a row; any may be missing. */
interface Columns {
  description?: number;
  quantity?: number;
  unit?: number;
  amount?: number;
}

type Role = keyof Columns;

// One pattern, built from pieces only to keep the lines short.
const DESCRIPTION_HEADING = new RegExp(
  '\\b(?:description|items?|activity|activities|intervention|expenditure|details?|' +
    'element|purpose|project|proposal|aims?)\\b',
  'i',
);

// Checked in this order, so "Unit cost" is a unit column before "cost" can make it an amount.
const COLUMN_ROLES: [Role, RegExp][] = [
  ['unit', /\b(?:unit|each|rate|per)\b/i],
  ['quantity', /\b(?:quantity|qty|no|nos|number|count)\b/i],
  ['amount', /\b(?:amount|costs?|total|price|sum|budget|value|funding|requested)\b|£/i],
  ['description', DESCRIPTION_HEADING],
];

const TOTAL_LABEL = /^(?:grand\s+|overall\s+)?(?:sub[-\s]?)?totals?\b/i;

const isFigure = (reading: CellReading | undefined) =>
  reading?.kind === 'money' || reading?.kind === 'unreadable';

function readCostTable(table: Extract<Block, { kind: 'table' }>): {
  lines: BusinessCaseCostLine[];
  totals: StatedTotal[];
  warnings: string[];
} {
  const lines: BusinessCaseCostLine[] = [];
  const totals: StatedTotal[] = [];
  const warnings: string[] = [];
  if (!table.rows.some((row) => row.cells.some(isPlainlyMoney))) return { lines, totals, warnings };

  const readings = table.rows.map((row) => row.cells.map(readMoneyCell));
  const header = findHeader(table.rows, readings);
  table.rows.forEach((row, index) => {
    const cells = readings[index] ?? [];
    if (row.isHeader || (header && index <= header.row)) return;
    const warn = (problem: string) => warnings.push(`Table ${table.number}, row ${index + 1}: ${problem}`);
    const at = locateFigures(row.cells, cells, header?.columns);
    const money = (column: number | undefined) => moneyIn(row.cells, cells, column, warn);

    const label = row.cells.find((_, i) => cells[i]?.kind === 'words') ?? '';
    if (TOTAL_LABEL.test(label) && label.split(' ').length <= 6) {
      const pence = money(at.amount);
      if (pence !== null) totals.push({ pence, isSubtotal: /sub[-\s]?total/i.test(label) });
      return;
    }

    const description = tidyText(descriptionIn(row.cells, cells, at).replace(/\*/g, ''));
    if (!isFigure(cells[at.amount ?? -1]) && !isFigure(cells[at.unit ?? -1])) {
      // A header says this column holds amounts, so words in it are worth a mention.
      if (description !== '' && cells[at.amount ?? -1]?.kind === 'words') money(at.amount);
      return;
    }
    if (description === '') {
      warn('an amount with no description was left out of the cost lines');
      return;
    }
    const quantityText = at.quantity === undefined ? '' : (row.cells[at.quantity] ?? '');
    const quantity = readQuantity(quantityText);
    if (quantityText !== '' && quantity === null) warn(`"${quantityText}" is not a quantity`);
    lines.push({ description, quantity, unitCostPence: money(at.unit), amountPence: money(at.amount) });
  });
  return { lines, totals, warnings };
}

/**
 * The header is the last row above the first figure that names a column we know in at least one of
 * two or more filled cells: a lone caption such as "Project costs" is not a header.
 */
function findHeader(
  rows: TableRow[],
  readings: CellReading[][],
): { row: number; columns: Columns } | undefined {
  const firstFigureRow = readings.findIndex((cells) => cells.some(isFigure));
  let header: { row: number; columns: Columns } | undefined;
  rows.slice(0, Math.max(firstFigureRow, 0)).forEach((row, index) => {
    const columns: Columns = {};
    row.cells.forEach((cell, column) => {
      if (cell === '' || cell.length > 40) return;
      const role = COLUMN_ROLES.find(([, pattern]) => pattern.test(cell))?.[0];
      // Of several amount columns ("Cost", then "Total"), the last holds the line's amount.
      if (role && (columns[role] === undefined || role === 'amount')) columns[role] = column;
    });
    if (Object.keys(columns).length > 0 && row.cells.filter((cell) => cell !== '').length >= 2)
      header = { row: index, columns };
  });
  return header;
}

/** Where a row's figures are: in the header's columns, or else by position. */
function locateFigures(cells: string[], readings: CellReading[], header: Columns | undefined): Columns {
  if (header) {
    const taken = [header.description, header.quantity, header.unit];
    const lastFigure = readings.findLastIndex((r, i) => isFigure(r) && !taken.includes(i));
    return { ...header, amount: header.amount ?? (lastFigure === -1 ? undefined : lastFigure) };
  }
  const figures = readings.flatMap((reading, i) => (isFigure(reading) ? [i] : []));
  const [amount, beforeAmount, beforeThat] = [figures.at(-1), figures.at(-2), figures.at(-3)];
  const isCount = (i: number | undefined) =>
    i !== undefined && !isPlainlyMoney(cells[i] ?? '') && readQuantity(cells[i] ?? '') !== null;
  // "20 | £1098 | £21,960" at the end of a row reads as quantity, unit cost, amount.
  if (isCount(beforeAmount)) return { amount, quantity: beforeAmount };
  if (isCount(beforeThat)) return { amount, unit: beforeAmount, quantity: beforeThat };
  return { amount };
}

/** The description column's text, or else the row's longest run of words. */
function descriptionIn(cells: string[], readings: CellReading[], at: Columns): string {
  const stated = at.description === undefined ? '' : (cells[at.description] ?? '');
  if (stated !== '') return stated;
  return cells
    .filter((_, i) => readings[i]?.kind === 'words')
    .reduce((longest, cell) => (cell.length > longest.length ? cell : longest), '');
}

function moneyIn(
  cells: string[],
  readings: CellReading[],
  column: number | undefined,
  warn: (problem: string) => void,
): number | null {
  const reading = column === undefined ? undefined : readings[column];
  const text = column === undefined ? '' : (cells[column] ?? '');
  switch (reading?.kind) {
    case 'money':
      if (reading.reducedTo !== undefined) {
        warn(
          `"${text}" was read as ${formatMoney(reading.pence)}; the case says it could be reduced to ` +
            `${reading.reducedTo}`,
        );
      }
      return reading.pence;
    case 'unreadable':
      warn(reading.problem);
      return null;
    case 'words':
      warn(`"${text}" is not an amount of money`);
      return null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The stated total

// "totalling £38,000", "Total Bid = £1500", "The total sum requested is £195,000", "Total Bid: £ 50,000."
// The gap between the word and the figure holds no digits and no sentence end, so "totalling
// more than 6 million hours … £35m" is not a total.
const TOTAL_SENTENCE =
  /\b(?:total(?:l?ing|s)?|amount requested)\b[^£\d.!?;]{0,40}?(£\s*\d(?:[\d,]*\d)?(?:\.\d{1,2})?(?:\s*[km]\b)?)/gi;

function findSentenceTotal(blocks: Block[]): number | null {
  let found: number | null = null;
  for (const block of blocks) {
    const texts = block.kind === 'list' ? block.lines : block.kind === 'table' ? [] : [block.text];
    for (const text of texts) {
      for (const match of text.matchAll(TOTAL_SENTENCE)) {
        const parsed = parseMoney(match[1] ?? '');
        if (parsed.ok) found = parsed.pence;
      }
    }
  }
  return found;
}

function chooseStatedTotal(
  tableTotals: StatedTotal[],
  sentenceTotal: number | null,
  warnings: string[],
): number | null {
  const grandTotal = tableTotals.filter((t) => !t.isSubtotal).at(-1);
  if (grandTotal) return grandTotal.pence;
  const lastSubtotal = tableTotals.at(-1);
  if (lastSubtotal && tableTotals.length > 1) {
    // Several sub-totals with nothing above them (one table per intervention, say): a sentence
    // giving the whole request says more than the last sub-total does.
    if (sentenceTotal !== null) return sentenceTotal;
    warnings.push(
      `The tables give ${tableTotals.length} sub-totals but no overall total; the last one (` +
        `${formatMoney(lastSubtotal.pence)}) is taken as the total.`,
    );
  }
  return lastSubtotal?.pence ?? sentenceTotal;
}
