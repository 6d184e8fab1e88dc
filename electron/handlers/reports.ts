import { loadExcel } from './lazy-libraries';
import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { allocationFor } from './allocation';
import type { ReadContext } from './context';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Reports across the record: where a fund's money went by round and area (the Police and Crime
// Panel asked for exactly this for Safer Streets), and a round's allocation by plan priority.

export function fundReport(ctx: ReadContext, fundName: string) {
  const rounds = ctx.store.rounds
    .list(true)
    .filter((r) => r.fund.toLowerCase() === fundName.trim().toLowerCase());
  if (rounds.length === 0)
    throw new Refusal('not_found', `There are no rounds of a fund called "${fundName}"`);
  const partnerships = ctx.store.organisations.listPartnerships();
  const areaOf = (name: string) => partnerships.find((p) => p.name === name)?.area ?? name;
  const rows: {
    round: string;
    financialYear: string | null;
    area: string;
    partnership: string;
    bids: number;
    requestedPence: number;
    allocatedPence: number;
    decided: boolean;
  }[] = [];
  for (const round of [...rounds].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const allocation = allocationFor(ctx, round.id);
    // Money is awarded only once the round's notice is signed; until then it is a draft allocation.
    const decided = ctx.store.notices.forRound(round.id)[0]?.status === 'signed';
    const bids = ctx.store.bids.listForRound(round.id).filter((b) => b.status !== 'withdrawn');
    for (const partnership of [...new Set(bids.map((b) => b.partnership))].sort()) {
      const own = bids.filter((b) => b.partnership === partnership);
      rows.push({
        round: round.name,
        financialYear: round.financialYear,
        area: areaOf(partnership),
        partnership,
        bids: own.length,
        requestedPence: own.reduce((s, b) => s + b.requestedPence, 0),
        allocatedPence: allocation.items
          .filter((i) => i.partnership === partnership)
          .reduce((s, i) => s + i.amountPence, 0),
        decided,
      });
    }
  }
  return { fund: rounds[0]?.fund ?? fundName, rows };
}

/** What a round's allocated money is called: awarded once its notice is signed. */
export const allocationLabel = (decided: boolean) => (decided ? 'Awarded' : 'Allocated (draft)');

async function fundReportXlsx(report: ReturnType<typeof fundReport>): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('By round and area');
  sheet.addRow([`${report.fund}: requested and allocated by round and area`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow([
    'Round',
    'Financial year',
    'Area',
    'Partnership',
    'Bids',
    'Requested (£)',
    'Allocated (£)',
    'Status',
  ]);
  header.font = { bold: true };
  for (const r of report.rows)
    sheet.addRow([
      r.round,
      r.financialYear ?? '',
      r.area,
      r.partnership,
      r.bids,
      r.requestedPence / 100,
      r.allocatedPence / 100,
      allocationLabel(r.decided),
    ]);
  const total = sheet.addRow([
    'Total',
    '',
    '',
    '',
    report.rows.reduce((s, r) => s + r.bids, 0),
    report.rows.reduce((s, r) => s + r.requestedPence, 0) / 100,
    report.rows.reduce((s, r) => s + r.allocatedPence, 0) / 100,
  ]);
  total.font = { bold: true };
  for (const column of [6, 7]) sheet.getColumn(column).numFmt = '"£"#,##0.00';
  [22, 14, 18, 40, 8, 16, 16, 18].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const reportHandlers = {
  'reports:fund': (input: ParsedInput<'reports:fund'>, ctx: ReadContext) => fundReport(ctx, input.fund),

  'reports:fundXlsx': async (input: ParsedInput<'reports:fundXlsx'>, ctx: ReadContext) => {
    const report = fundReport(ctx, input.fund);
    const data = await fundReportXlsx(report);
    return {
      fileName: `${report.fund.replace(/[^A-Za-z0-9]+/g, '-')} by round and area.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dataBase64: data.toString('base64'),
    };
  },

  /** Allocated money by the plan priorities the funded bids claim; a bid counts under each it claims. */
  'reports:byPriority': (input: ParsedInput<'reports:byPriority'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    const allocation = allocationFor(ctx, round.id);
    // Money is awarded only once the round's notice is signed; until then it is a draft allocation.
    const decided = ctx.store.notices.forRound(round.id)[0]?.status === 'signed';
    const totals = new Map<number, { code: string; title: string; allocatedPence: number; bids: string[] }>();
    for (const item of allocation.items) {
      for (const p of ctx.store.bids.get(item.bidId)?.claimedPriorities ?? []) {
        const entry = totals.get(p.id) ?? { code: p.code, title: p.title, allocatedPence: 0, bids: [] };
        entry.allocatedPence += item.amountPence;
        entry.bids.push(item.ref);
        totals.set(p.id, entry);
      }
    }
    const unclaimed = allocation.items.filter(
      (i) => (ctx.store.bids.get(i.bidId)?.claimedPriorities.length ?? 0) === 0,
    );
    return {
      priorities: [...totals.values()].sort((a, b) =>
        a.code.localeCompare(b.code, 'en-GB', { numeric: true }),
      ),
      unclaimedPence: unclaimed.reduce((s, i) => s + i.amountPence, 0),
      unclaimedBids: unclaimed.map((i) => i.ref),
      note:
        `A bid counts under every priority it claims, so the rows add up to more than the ` +
        `${formatMoney(allocation.allocatedPence)} ${decided ? 'awarded' : 'allocated (draft)'}.`,
      decided,
    };
  },
};
