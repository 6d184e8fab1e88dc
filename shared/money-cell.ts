import { formatMoney, MAX_PENCE, parseMoney } from './money';

// Money as schedules and business cases write it in a cell: one amount, or a requested amount and
// the reduced amount the bidder offers ("£100,000 could be reduced to £90,000"), sometimes with a
// note after it ("£12,500 (funding for 5 months…)").

export type MoneyCell =
  | { ok: true; empty: true }
  | { ok: true; empty: false; pence: number; reducedPence: number | null; note: string | null }
  | { ok: false; reason: string };

const REDUCTION = /^(.*?)\s*(?:,\s*)?(?:which\s+)?(?:could|can|may)\s+be\s+reduced\s+to\s*(.*)$/i;
const RANGE = /^£?\s*\d[\d,.]*\s*[km]?\s*(?:-|–|—|to)\s*£?\s*\d[\d,.]*\s*[km]?$/i;

function tidy(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[*†]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits "£12,500 (funding for 5 months)" into the amount and its note. */
function splitNote(text: string): { amount: string; note: string | null } {
  const bracket = /^([^()]*?)\s*\((.*)\)?\s*$/.exec(text);
  if (bracket && bracket[1])
    return { amount: bracket[1].trim(), note: (bracket[2] ?? '').replace(/\)$/, '').trim() || null };
  return { amount: text, note: null };
}

function amountOf(
  text: string,
): { ok: true; pence: number; note: string | null } | { ok: false; reason: string } {
  const { amount, note } = splitNote(text);
  if (RANGE.test(amount)) return { ok: false, reason: `"${text}" is a range, not one amount` };
  const parsed = parseMoney(amount);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, pence: parsed.pence, note };
}

export function parseMoneyCell(raw: string | number | null | undefined): MoneyCell {
  if (raw === null || raw === undefined) return { ok: true, empty: true };
  if (typeof raw === 'number') return poundsFromNumber(raw);
  const text = tidy(raw);
  if (text === '') return { ok: true, empty: true };
  const reduction = REDUCTION.exec(text);
  if (reduction) {
    const requested = amountOf(reduction[1] ?? '');
    const reduced = amountOf(reduction[2] ?? '');
    if (!requested.ok) return { ok: false, reason: requested.reason };
    if (!reduced.ok) return { ok: false, reason: `the reduced amount: ${reduced.reason}` };
    return {
      ok: true,
      empty: false,
      pence: requested.pence,
      reducedPence: reduced.pence,
      note: reduced.note ?? requested.note,
    };
  }
  const single = amountOf(text);
  if (!single.ok) return single;
  return { ok: true, empty: false, pence: single.pence, reducedPence: null, note: single.note };
}

/**
 * A spreadsheet number of pounds. Spreadsheets store 1098.5 as a binary fraction; a figure that
 * is not within a millionth of a whole penny is refused rather than rounded.
 */
export function poundsFromNumber(value: number): MoneyCell {
  if (!Number.isFinite(value)) return { ok: false, reason: `${value} is not an amount of money` };
  if (Math.abs(value) > MAX_PENCE / 100)
    return { ok: false, reason: `${value} is larger than Tranche can hold (${formatMoney(MAX_PENCE)})` };
  const pence = Math.round(value * 100);
  if (Math.abs(value * 100 - pence) > 1e-6)
    return { ok: false, reason: `${value} is not a whole number of pence` };
  return { ok: true, empty: false, pence, reducedPence: null, note: null };
}
