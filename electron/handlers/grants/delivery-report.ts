import type ExcelJS from 'exceljs';
import type { ParsedInput } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import {
  GRANT_STATUS_LABELS,
  lastReturnWords,
  RAG_LABELS,
  worseRag,
  type DeliveryReport,
  type Rag,
} from '../../../shared/grants';
import type { ReadContext } from '../context';
import { commitSheet, drained, streamingWorkbook } from '../exports/streaming-workbook';
import { mustGetRound } from '../round-lookup';
import { roundDelivery, today } from './view';

// The board's delivery report: for every grant of a round, what was awarded and paid, what
// remains, the last return and its RAG rating, and what is overdue; then the same by partnership.

export function deliveryReport(ctx: ReadContext, input: ParsedInput<'reports:delivery'>): DeliveryReport {
  const round = mustGetRound(ctx, input.roundId);
  const delivery = roundDelivery(ctx, input.roundId, input.asOf ?? today(ctx));
  const grants = delivery.grants.map((g) => g.summary);
  const names = [...new Set(grants.map((g) => g.partnership))].sort((a, b) => a.localeCompare(b));
  const sum = (list: typeof grants, pick: (g: (typeof grants)[number]) => number) =>
    list.reduce((s, g) => s + pick(g), 0);
  return {
    round: round.name,
    asOf: delivery.asOf,
    grants,
    partnerships: names.map((partnership) => {
      const own = grants.filter((g) => g.partnership === partnership);
      return {
        partnership,
        grants: own.length,
        awardedPence: sum(own, (g) => g.awardedPence),
        paidPence: sum(own, (g) => g.paidPence),
        remainingPence: sum(own, (g) => g.remainingPence),
        overdue: sum(own, (g) => g.overdue.length),
        rag: own.reduce<Rag>((r, g) => worseRag(r, g.rag), 'green'),
      };
    }),
    totals: {
      awardedPence: sum(grants, (g) => g.awardedPence),
      paidPence: sum(grants, (g) => g.paidPence),
      remainingPence: sum(grants, (g) => g.remainingPence),
      overdue: sum(grants, (g) => g.overdue.length),
    },
  };
}

export async function deliveryReportXlsx(ctx: ReadContext, input: ParsedInput<'reports:deliveryXlsx'>) {
  const report = deliveryReport(ctx, input);
  // Streamed (exports/streaming-workbook.ts): a row goes into the file as it is written. Money
  // columns are formatted before the rows, which are committed one by one.
  const book = await streamingWorkbook(new Date());
  const workbook = book.workbook;
  const money = '£#,##0.00';
  const byGrant = workbook.addWorksheet('By grant');
  for (const c of [5, 6, 7]) byGrant.getColumn(c).numFmt = money;
  byGrant.addRow([`${report.round}: delivery as of ${formatDate(report.asOf)}`]).font = {
    bold: true,
    size: 13,
  };
  byGrant.addRow([]);
  byGrant.addRow([
    'Bid',
    'Project',
    'Partnership',
    'Status',
    'Awarded (£)',
    'Paid (£)',
    'Remaining (£)',
    'Last return',
    'RAG',
    'Next return due',
    'Overdue',
  ]).font = { bold: true };
  for (const [i, g] of report.grants.entries()) {
    byGrant
      .addRow([
        g.ref,
        g.title,
        g.partnership,
        GRANT_STATUS_LABELS[g.status],
        g.awardedPence / 100,
        g.paidPence / 100,
        g.remainingPence / 100,
        lastReturnWords(g.lastReturn),
        RAG_LABELS[g.rag],
        g.nextReturnDue ? formatDate(g.nextReturnDue) : '',
        g.overdue.map((o) => `Return due ${formatDate(o.dueOn)}`).join('; '),
      ])
      .commit();
    await drained(i);
  }
  await commitSheet(byGrant);
  await addPartnershipSheet(workbook, report, money);
  return {
    fileName: `Delivery ${report.round} ${report.asOf}.xlsx`.replace(/[\\/:*?"<>|]/g, ' '),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: (await book.finish()).toString('base64'),
  };
}

async function addPartnershipSheet(
  workbook: ExcelJS.Workbook,
  report: ReturnType<typeof deliveryReport>,
  money: string,
): Promise<void> {
  const byPartnership = workbook.addWorksheet('By partnership');
  for (const c of [3, 4, 5]) byPartnership.getColumn(c).numFmt = money;
  byPartnership.addRow([
    'Partnership',
    'Grants',
    'Awarded (£)',
    'Paid (£)',
    'Remaining (£)',
    'Overdue returns',
    'RAG',
  ]).font = { bold: true };
  for (const p of report.partnerships)
    byPartnership.addRow([
      p.partnership,
      p.grants,
      p.awardedPence / 100,
      p.paidPence / 100,
      p.remainingPence / 100,
      p.overdue,
      RAG_LABELS[p.rag],
    ]);
  byPartnership.addRow([
    'Total',
    report.grants.length,
    report.totals.awardedPence / 100,
    report.totals.paidPence / 100,
    report.totals.remainingPence / 100,
    report.totals.overdue,
    '',
  ]).font = { bold: true };
  await commitSheet(byPartnership);
}
