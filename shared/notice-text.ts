import { formatMoney } from './money';
import type { NoticeData } from './notice-data';

// The sentences the Notice of Decision builds from its figures, shared by the Word and PDF builders
// and the on-screen preview so that what the officer reads is what the commissioner signs.

export const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

export function fundName(data: NoticeData): string {
  return `${data.fund} ${data.roundName}`;
}

/** "A, B and C". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function committedPence(data: NoticeData): number {
  return data.commitments.reduce((sum, c) => sum + c.amountPence, 0);
}

export function budgetSentence(data: NoticeData): string {
  const year = data.financialYear ? ` for ${data.financialYear}` : '';
  const committed = committedPence(data);
  const commitments =
    committed === 0
      ? ' Nothing has yet been committed from it,'
      : ` ${formatMoney(committed)} of it is already committed,`;
  return (
    `The Commissioner set a budget of ${formatMoney(data.budgetPence)}${year} for the ${fundName(data)}.` +
    `${commitments} leaving ${formatMoney(data.availablePence)} available to allocate.`
  );
}

export function bidsSentence(data: NoticeData): string {
  const bids =
    `${plural(data.bidCount, 'bid was', 'bids were')} received from ` +
    `${plural(data.partnershipCount, 'partnership', 'partnerships')}, requesting ` +
    `${formatMoney(data.requestedPence)} in all.`;
  const missing = data.noBidFrom.length === 0 ? '' : ` No bids were received from ${listOf(data.noBidFrom)}.`;
  return bids + missing;
}

export function appendicesSentence(data: NoticeData): string {
  const cases = data.appendixB ? ', and the business cases at Appendix B' : '';
  return `A summary of the bids is at Appendix A${cases}.`;
}
