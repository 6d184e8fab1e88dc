// Money is held as integer pence everywhere. Parsing works on the digits as text and never goes
// through floating point, so "£1,098.50" is exactly 109850.

/**
 * The largest amount Tranche holds, in any one field and in any total it keeps (a round's requests,
 * its reductions, its allocation): £10bn, far above any fund. It is 9,000 times below
 * Number.MAX_SAFE_INTEGER, so adding up thousands of such totals (a fund's rounds, a report) stays
 * exact, and no sum is ever rounded or turned into something the schemas refuse.
 */
export const MAX_PENCE = 1_000_000_000_000;

/** The sum of some amounts, or null when it would pass MAX_PENCE either way (never rounded). */
export function sumWithinLimit(amounts: Iterable<number>): number | null {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (Math.abs(total) > MAX_PENCE || !Number.isSafeInteger(total)) return null;
  }
  return total;
}

export type ParsedMoney = { ok: true; pence: number } | { ok: false; reason: string };

const MULTIPLIERS: Record<string, bigint> = { '': 1n, k: 1_000n, m: 1_000_000n };

// Optional sign, optional £, digits (plain or comma-grouped in threes), optional decimals,
// optional k/m suffix. Spaces (including non-breaking) may follow the £ or precede the suffix.
const MONEY_PATTERN = /^([-\u2212])?\s*(£)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([km])?$/i;

const EXAMPLE = 'like £350,000, 350000 or £350k';

/** Reads an amount the way a person writes it: `350000`, `£350,000`, `£ 33,760`, `£38k`, `£800.00`. */
export function parseMoney(text: string): ParsedMoney {
  const trimmed = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (trimmed === '') return { ok: false, reason: 'Enter an amount of money' };
  const match = MONEY_PATTERN.exec(trimmed);
  if (!match) return { ok: false, reason: `"${trimmed}" is not an amount of money: write it ${EXAMPLE}` };
  const [, sign, , whole = '', fraction = '', suffix = ''] = match;
  const multiplier = MULTIPLIERS[suffix.toLowerCase()] ?? 1n;
  // With a suffix, decimals scale up ("1.5k" is £1,500); without one, pence stop at two places.
  const maxDecimals = 2 + multiplier.toString().length - 1;
  if (fraction.length > maxDecimals) {
    return { ok: false, reason: `"${trimmed}" has more decimal places than pounds and pence allow` };
  }
  const scale = 10n ** BigInt(fraction.length);
  const units = BigInt(whole.replace(/,/g, '')) * scale + BigInt(fraction === '' ? '0' : fraction);
  const pence = (units * multiplier * 100n) / scale;
  if ((units * multiplier * 100n) % scale !== 0n) {
    return { ok: false, reason: `"${trimmed}" is not a whole number of pence` };
  }
  if (pence > BigInt(MAX_PENCE)) {
    return { ok: false, reason: `"${trimmed}" is larger than Tranche can hold (${formatMoney(MAX_PENCE)})` };
  }
  const value = Number(pence);
  return { ok: true, pence: sign && value !== 0 ? -value : value };
}

/** `£38,000` for whole pounds, `£38,000.50` otherwise; `-£1,200` below zero. */
export function formatMoney(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`Money must be whole pence, got ${pence}`);
  const negative = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = abs % 100;
  const body = rest === 0 ? `£${pounds}` : `£${pounds}.${rest.toString().padStart(2, '0')}`;
  return negative ? `-${body}` : body;
}

/** Pence as a plain editable figure (no £, no commas) for an input field: 3500000 → "35000". */
export function penceToInput(pence: number): string {
  const abs = Math.abs(pence);
  const rest = abs % 100;
  const pounds = `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}`;
  return rest === 0 ? pounds : `${pounds}.${rest.toString().padStart(2, '0')}`;
}
