import { formatDate } from './dates';
import { formatMoney } from './money';
import type { NoticeBid, NoticeData } from './notice-data';

// The sentences the Notice of Decision builds from its figures, shared by the Word and PDF builders
// and the on-screen preview so that what the officer reads is what the commissioner signs. Fund,
// round and board names are whatever the office typed, so every sentence must read with any of them
// ("Invest to Save", "Safer Streets Fund", "Round 4 (SSF4)", "2013-14 tranche 2").

export const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** "A, B and C". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A name with "the" in front, unless it already has it. */
export function theName(name: string): string {
  const trimmed = name.trim();
  return /^the\s/i.test(trimmed) ? trimmed : `the ${trimmed}`;
}

// Words that already say what kind of money a name is: "Invest to Save Budget", "Safer Streets Fund".
const MONEY_NOUN = /\b(fund|funds|funding|budget|programme|program|scheme|grant|grants|pot|initiative)$/i;

/** "the Invest to Save fund", "the Safer Streets Fund". */
export function fundPhrase(fund: string): string {
  const trimmed = fund.trim();
  return MONEY_NOUN.test(trimmed) ? theName(trimmed) : `${theName(trimmed)} fund`;
}

/** "the 2013-14 tranche 2 round of the Invest to Save fund", "Round 4 (SSF4) of the Safer Streets fund". */
export function roundPhrase(data: Pick<NoticeData, 'fund' | 'roundName'>): string {
  const name = data.roundName.trim();
  const round = /\bround\b/i.test(name) ? name : `${theName(name)} round`;
  return `${round} of ${fundPhrase(data.fund)}`;
}

/** The round's name as a heading: "Invest to Save – 2013-14 tranche 2". */
export function fundName(data: Pick<NoticeData, 'fund' | 'roundName'>): string {
  return `${data.fund.trim()} – ${data.roundName.trim()}`;
}

export function committedPence(data: NoticeData): number {
  return data.commitments.reduce((sum, c) => sum + c.amountPence, 0);
}

export function budgetSentence(data: NoticeData): string {
  // "2013-14 tranche 2" already says the year; saying it twice reads as a slip.
  const year =
    data.financialYear && !data.roundName.includes(data.financialYear) ? ` for ${data.financialYear}` : '';
  const committed = committedPence(data);
  const commitments =
    committed === 0
      ? ' Nothing has yet been committed from it,'
      : ` ${formatMoney(committed)} of it is already committed,`;
  return (
    `The Commissioner set a budget of ${formatMoney(data.budgetPence)}${year} for ${roundPhrase(data)}.` +
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

/** Business cases are "attached" only when the notice carries them (Appendix B). */
export function appendicesSentence(data: NoticeData): string {
  const cases = data.appendixB ? ', and the business cases are attached at Appendix B' : '';
  return `A summary of the bids, by partnership, is at Appendix A${cases}.`;
}

export function decisionSentence(data: NoticeData): string {
  const cases = data.appendixB ? 'the business cases attached at Appendix B' : 'the business cases submitted';
  if (data.decisions.length === 0) return `I have considered ${cases} and approve none of the bids.`;
  const which = data.decisions.length === 1 ? 'the following bid' : 'the following bids';
  return (
    `I have considered ${cases} and approve ${which}, with the amounts shown, to be funded from ` +
    `${fundPhrase(data.fund)}.`
  );
}

export function outcomeSentence(data: NoticeData): string {
  return data.decisions.length === 0
    ? 'This decision approves no bids.'
    : `This decision approves ${plural(data.decisions.length, 'bid', 'bids')}, awarding ` +
        `${formatMoney(data.awardedPence)} in all.`;
}

/** "The Commissioner sought the views of the Strategic Policing and Crime Board at its meeting on …". */
export function boardSentence(data: NoticeData): string | null {
  const { board } = data;
  if (!board) return null;
  const who = board.name?.trim() ? theName(board.name) : 'the board';
  const when = board.meetingOn ? ` at its meeting on ${formatDate(board.meetingOn)}` : '';
  const views = board.summary.length > 0 ? ' Its views are summarised below.' : '';
  return `The Commissioner sought the views of ${who}${when}.${views}`;
}

/** Editable wording and the office's own text arrive with blank lines between paragraphs. */
export function paragraphTexts(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
    .filter((part) => part !== '');
}

export interface AppendixGroup {
  partnership: string;
  bids: NoticeBid[];
  requestedPence: number;
  /** What the bids could be reduced to: the reduced amount where one was offered, else the request. */
  reducedPence: number;
  awardedPence: number;
}

const byRef = (a: NoticeBid, b: NoticeBid) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true });

/**
 * Appendix A as the office lays it out: partnership by partnership, each with its bids and
 * subtotals; then the office's partnerships that made no bid, with none.
 */
export function appendixGroups(data: NoticeData): AppendixGroup[] {
  const groups = new Map<string, NoticeBid[]>();
  for (const bid of data.appendixA) {
    const list = groups.get(bid.partnership);
    if (list) list.push(bid);
    else groups.set(bid.partnership, [bid]);
  }
  const sum = (bids: NoticeBid[], pick: (bid: NoticeBid) => number) =>
    bids.reduce((total, bid) => total + pick(bid), 0);
  const bidding = [...groups.entries()]
    // Partnerships in the order of their first bid's reference, as the office's table runs.
    .map(([partnership, bids]) => ({ partnership, bids: [...bids].sort(byRef) }))
    .sort((a, b) => byRef(a.bids[0] as NoticeBid, b.bids[0] as NoticeBid))
    .map(({ partnership, bids }) => ({
      partnership,
      bids,
      requestedPence: sum(bids, (b) => b.requestedPence),
      reducedPence: sum(bids, (b) => b.reducedPence ?? b.requestedPence),
      awardedPence: sum(bids, (b) => b.awardedPence ?? 0),
    }));
  const silent = data.noBidFrom
    .filter((name) => !groups.has(name))
    .map((partnership) => ({ partnership, bids: [], requestedPence: 0, reducedPence: 0, awardedPence: 0 }));
  return [...bidding, ...silent];
}
