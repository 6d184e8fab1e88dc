import {
  SCHEDULE_FIELD_LABELS,
  SCHEDULE_FIELDS,
  scheduleTotalWarnings,
  type ColumnMapping,
  type RowProblem,
  type SchedulePreview,
  type ScheduleField,
} from '../../../shared/imports';
import { BID_FIELD_LIMITS, BID_REF_PATTERN, BID_REF_RULE } from '../../../shared/limits';
import { formatMoney, MAX_PENCE, sumWithinLimit } from '../../../shared/money';
import { parseMoneyCell } from '../../../shared/money-cell';
import type { Cell, Table } from './table-file';

// Turns a schedule's rows into bids, following what officers' schedules really contain: the
// partnership written once and left blank on its follow-on rows, subtotal rows ("Total requested")
// between partnerships, a bid whose amount is only in its partnership's total row, and requested
// and reduced amounts in one cell.

const HEADER_WORDS: Record<ScheduleField, string[]> = {
  ref: ['ref', 'reference', 'bid ref', 'bid reference', 'ref no', 'bid no', 'bid number', 'id'],
  partnership: [
    'partnership',
    'partnership board',
    'applicant',
    'organisation',
    'organization',
    'csp',
    'bidder',
    'lead organisation',
    'partnership name',
    'area',
  ],
  title: [
    'aims and objectives of project',
    'aims and objectives',
    'project',
    'project title',
    'title',
    'project name',
    'bid title',
    'aims',
  ],
  summary: ['summary', 'project summary', 'description', 'details'],
  requested: [
    'amount requested',
    'requested',
    'amount',
    'total requested',
    'bid amount',
    'funding requested',
    'request',
    'amount requested £',
  ],
  reduced: ['could be reduced to', 'reduced to', 'reduced amount', 'reduction', 'minimum amount', 'reduced'],
  status: ['status'],
};

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(£\)|£|\(gbp\)/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim();

/** The header row: the first row with at least two filled cells. */
export function headerRowIndex(rows: Cell[][]): number {
  const index = rows.findIndex((row) => row.filter((cell) => text(cell) !== '').length >= 2);
  return index === -1 ? 0 : index;
}

export function suggestMapping(headers: string[], sample: Cell[][]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ScheduleField>();
  headers.forEach((header, column) => {
    const normal = normaliseHeader(header);
    const field = SCHEDULE_FIELDS.find((f) => !taken.has(f) && HEADER_WORDS[f].includes(normal));
    mapping[String(column)] = field ?? null;
    if (field) taken.add(field);
  });
  // Schedules copied from Word often leave the reference column without a header.
  if (!taken.has('ref')) {
    const column = headers.findIndex((header, c) => {
      if (header.trim() !== '' || mapping[String(c)]) return false;
      const values = sample.map((row) => text(row[c])).filter((v) => v !== '');
      return values.length > 0 && values.every((v) => v.length <= 12 && BID_REF_PATTERN.test(v));
    });
    if (column !== -1) mapping[String(column)] = 'ref';
  }
  return mapping;
}

const TOTAL_ROW = /^(?:sub[\s-]?)?total\b/i;

export interface InterpretContext {
  /** Normalised name or alias → partnership, for matching. */
  findPartnership: (name: string) => { id: number; name: string } | undefined;
  existingRefs: Set<string>;
}

export interface InterpretedBid {
  row: number;
  ref: string;
  partnership: string;
  partnershipId: number | null;
  title: string;
  summary: string;
  requestedPence: number | null;
  reducedPence: number | null;
  status: 'received' | 'eligible' | 'ineligible' | 'withdrawn';
  note: string | null;
}

export interface InterpretedSchedule {
  preview: SchedulePreview;
  bids: InterpretedBid[];
}

const STATUS_WORDS: Record<string, InterpretedBid['status']> = {
  received: 'received',
  eligible: 'eligible',
  ineligible: 'ineligible',
  withdrawn: 'withdrawn',
};

// long-function: reads a schedule row by row, carrying the partnership above and each subtotal
export function interpretSchedule(
  table: Table,
  requestedMapping: ColumnMapping | undefined,
  ctx: InterpretContext,
): InterpretedSchedule {
  const headerIndex = headerRowIndex(table.rows);
  const headerRow = table.rows[headerIndex] ?? [];
  // A loop, not Math.max(...rows): spreading tens of thousands of rows overflows the stack.
  let width = headerRow.length;
  for (const row of table.rows) width = Math.max(width, row.length);
  const headers = Array.from({ length: width }, (_, c) => text(headerRow[c]));
  const body = table.rows.slice(headerIndex + 1);
  const mapping = requestedMapping ?? suggestMapping(headers, body.slice(0, 50));
  const columns = new Map<ScheduleField, number>();
  for (const [column, field] of Object.entries(mapping))
    if (field && !columns.has(field)) columns.set(field, Number(column));
  const columnOf = (field: ScheduleField): number | undefined => columns.get(field);
  const columnName = (field: ScheduleField) => {
    const column = columnOf(field);
    return column === undefined ? SCHEDULE_FIELD_LABELS[field] : headers[column] || `column ${column + 1}`;
  };

  const problems: RowProblem[] = [];
  for (const field of ['ref', 'partnership', 'title', 'requested'] as const) {
    if (columnOf(field) === undefined)
      problems.push({
        row: headerIndex + 1,
        column: null,
        message: `No column is mapped to "${SCHEDULE_FIELD_LABELS[field]}"`,
      });
  }
  if (problems.length > 0) return { preview: emptyPreview(table, headers, mapping, problems), bids: [] };

  const bids: InterpretedBid[] = [];
  const totals: SchedulePreview['totals'] = [];
  const seenRefs = new Map<string, number>();
  let currentPartnership = '';

  // long-function: one row's cells read in column order, each with its own refusal
  body.forEach((cells, offset) => {
    const row = headerIndex + offset + 2;
    const get = (field: ScheduleField) => {
      const column = columnOf(field);
      return column === undefined ? null : (cells[column] ?? null);
    };
    if (cells.every((cell) => text(cell) === '')) return;
    const ref = text(get('ref'));
    const partnershipCell = text(get('partnership'));
    if (partnershipCell) currentPartnership = partnershipCell;
    const title = text(get('title'));
    const problem = (field: ScheduleField | null, message: string) =>
      problems.push({ row, column: field ? columnName(field) : null, message });

    // A subtotal row: no reference, or "Total" written in the reference column itself.
    if (!ref || TOTAL_ROW.test(ref)) {
      const label = [ref, title, partnershipCell, text(get('requested'))].find((v) => TOTAL_ROW.test(v));
      if (label) {
        const amount = parseMoneyCell(get('requested'));
        if (!amount.ok) return problem('requested', amount.reason);
        if (amount.empty) return;
        if (!currentPartnership) return problem('partnership', 'This total row comes before any partnership');
        totals.push({
          row,
          partnership: currentPartnership,
          label:
            label
              .replace(/\s*£.*$/, '')
              .trim()
              .slice(0, 80) || 'Total',
          statedPence: amount.pence,
          statedReducedPence: amount.reducedPence,
        });
        return;
      }
      return problem(
        'ref',
        'This row has no reference: every bid needs one (S1, SS4, SSF4-02…), and a subtotal row should say "Total"',
      );
    }

    const tooLong = (field: ScheduleField, value: string, max: number) => {
      if (value.length > max)
        problem(
          field,
          `${value.length.toLocaleString('en-GB')} characters: at most ${max.toLocaleString('en-GB')} fit here`,
        );
    };
    if (ref.length > BID_FIELD_LIMITS.ref)
      problem('ref', `The reference is longer than ${BID_FIELD_LIMITS.ref} characters`);
    else if (!BID_REF_PATTERN.test(ref))
      problem('ref', `"${ref}" is not a usable reference: ${BID_REF_RULE}`);
    tooLong('partnership', partnershipCell, BID_FIELD_LIMITS.partnership);
    tooLong('title', title, BID_FIELD_LIMITS.title);
    tooLong('summary', text(get('summary')), BID_FIELD_LIMITS.summary);
    const key = ref.toLowerCase();
    if (seenRefs.has(key))
      problem('ref', `${ref} appears twice in this file (also row ${seenRefs.get(key)})`);
    else seenRefs.set(key, row);
    if (ctx.existingRefs.has(key)) problem('ref', `${ref} is already in this round`);
    if (!currentPartnership)
      problem('partnership', 'No partnership: fill it in on this row or on a row above');
    if (!title) problem('title', 'No project title or aims');

    const requested = parseMoneyCell(get('requested'));
    let requestedPence: number | null = null;
    let reducedPence: number | null = null;
    let note: string | null = null;
    if (!requested.ok) problem('requested', requested.reason);
    else if (!requested.empty) {
      requestedPence = requested.pence;
      reducedPence = requested.reducedPence;
      note = requested.note;
      if (note && note.length > BID_FIELD_LIMITS.reductionNote)
        problem(
          'requested',
          `The note after the amount is longer than ${BID_FIELD_LIMITS.reductionNote} characters`,
        );
      if (requested.pence < 0) problem('requested', 'The amount requested cannot be negative');
    }
    const reducedCell = parseMoneyCell(get('reduced'));
    if (!reducedCell.ok) problem('reduced', reducedCell.reason);
    else if (!reducedCell.empty) {
      if (reducedPence !== null && reducedPence !== reducedCell.pence)
        problem('reduced', 'Two different reduced amounts are given for this bid');
      reducedPence = reducedCell.pence;
      if (reducedCell.pence < 0) problem('reduced', 'The reduced amount cannot be negative');
    }
    const statusText = text(get('status')).toLowerCase();
    const status = statusText ? STATUS_WORDS[statusText] : 'received';
    if (!status)
      problem(
        'status',
        `"${text(get('status'))}" is not a status: use received, eligible, ineligible or withdrawn`,
      );

    const match = currentPartnership ? ctx.findPartnership(currentPartnership) : undefined;
    bids.push({
      row,
      ref,
      partnership: match?.name ?? currentPartnership,
      partnershipId: match?.id ?? null,
      title,
      summary: text(get('summary')),
      requestedPence,
      reducedPence,
      status: status ?? 'received',
      note,
    });
  });

  // A bid left without an amount takes it from its partnership's total row, when it is the only
  // bid there without one (the schedule's S1 and D1 are written that way). Grouped once, by
  // partnership, rather than searched for each bid: schedules run to thousands of rows.
  const partnershipKey = (name: string) => (ctx.findPartnership(name)?.name ?? name).toLowerCase();
  const firstTotal = new Map<string, (typeof totals)[number]>();
  for (const t of totals) {
    const key = partnershipKey(t.partnership);
    if (!firstTotal.has(key)) firstTotal.set(key, t);
  }
  const siblingsOf = new Map<string, InterpretedBid[]>();
  for (const bid of bids) {
    const key = bid.partnership.toLowerCase();
    const siblings = siblingsOf.get(key);
    if (siblings) siblings.push(bid);
    else siblingsOf.set(key, [bid]);
  }
  for (const [key, siblings] of siblingsOf) {
    const missing = siblings.filter((b) => b.requestedPence === null);
    const total = firstTotal.get(key);
    const [only] = missing;
    if (total && only && missing.length === 1) {
      const rest = siblings.reduce((sum, b) => sum + (b.requestedPence ?? 0), 0);
      only.requestedPence = total.statedPence - rest;
      only.note = `Amount taken from the "${total.label}" row (row ${total.row})`;
      if (only.requestedPence < 0)
        problems.push({
          row: only.row,
          column: columnName('requested'),
          message: 'The total row is less than the other bids of this partnership',
        });
      continue;
    }
    for (const bid of missing)
      problems.push({ row: bid.row, column: columnName('requested'), message: 'No amount requested' });
  }
  totals.forEach((t) => (t.partnership = ctx.findPartnership(t.partnership)?.name ?? t.partnership));

  // Totals are checked against the largest amount Tranche holds before anything is written: past
  // it, sums stop being exact and every later report of the round would fail.
  const requested = sumWithinLimit(bids.map((b) => b.requestedPence ?? 0));
  const reduced = sumWithinLimit(
    bids.map((b) => Math.min(b.reducedPence ?? b.requestedPence ?? 0, b.requestedPence ?? 0)),
  );
  if (requested === null || reduced === null)
    problems.push({
      row: headerIndex + 1,
      column: columnName('requested'),
      message: `The amounts requested add up to more than ${formatMoney(MAX_PENCE)}, the most Tranche can hold`,
    });
  const requestedPence = requested ?? 0;
  const reducedRequestedPence = reduced ?? 0;
  problems.sort((a, b) => a.row - b.row);
  return {
    bids,
    preview: {
      sheet: table.sheet,
      headers,
      mapping: headers.map((header, column) => ({ column, header, field: mapping[String(column)] ?? null })),
      bids: bids.map((b) => ({
        row: b.row,
        ref: b.ref,
        partnership: b.partnership,
        title: b.title,
        requestedPence: b.requestedPence,
        reducedPence: b.reducedPence,
        newPartnership: b.partnershipId === null,
        note: b.note,
      })),
      totals,
      problems,
      warnings: scheduleTotalWarnings({ bids, totals }),
      bidCount: bids.length,
      partnershipCount: new Set(bids.map((b) => b.partnership.toLowerCase())).size,
      requestedPence,
      reducedRequestedPence,
    },
  };
}

function emptyPreview(
  table: Table,
  headers: string[],
  mapping: ColumnMapping,
  problems: RowProblem[],
): SchedulePreview {
  return {
    sheet: table.sheet,
    headers,
    mapping: headers.map((header, column) => ({ column, header, field: mapping[String(column)] ?? null })),
    bids: [],
    totals: [],
    problems,
    warnings: [],
    bidCount: 0,
    partnershipCount: 0,
    requestedPence: 0,
    reducedRequestedPence: 0,
  };
}
