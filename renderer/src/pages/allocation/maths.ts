import type { Output } from '../../../../shared/contract';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { sharedRanks } from '../../../../shared/ranking';

// The allocation page's arithmetic and wording, as plain functions the page's parts share and the
// unit tests reach without a browser (tests/renderer/allocation-maths.test.ts).

/** What a row's select can hold: an allocation option, or nothing for the bid. */
export type Option = 'none' | 'full' | 'reduced' | 'custom';

type Scenario = Output<'scenarios:list'>[number];

const OPTION_WORDS: Record<Exclude<Option, 'none'>, string> = {
  full: 'the full amount',
  reduced: 'the reduced amount',
  custom: 'a custom amount',
};

/** How much of the money available is allocated, as a percentage for the bar (0 to 100). */
export function allocatedShare(figures: { allocatedPence: number; availablePence: number }): number {
  if (figures.availablePence <= 0) return 0;
  return Math.max(0, Math.min(100, (figures.allocatedPence / figures.availablePence) * 100));
}

/** A bar's width in per cent of the largest value in its table (a largest of 0 counts as 1). */
export function barPercent(value: number, largest: number): number {
  return (value / Math.max(1, largest)) * 100;
}

/** The shared ranks of a ranking, worked out once per list however many rows ask. */
const sharedOfList = new WeakMap<object, Set<number>>();
export function sharedRanksOf(list: readonly { rank: number; complete: boolean }[]): Set<number> {
  let found = sharedOfList.get(list);
  if (!found)
    sharedOfList.set(list, (found = sharedRanks(list.filter((x) => x.complete).map((x) => x.rank))));
  return found;
}

/** The confirmation after a row is saved: what the bid now gets, in words. */
export function savedMessage(
  ref: string,
  saved: { amountPence: number; option: Exclude<Option, 'none'> } | undefined,
) {
  return saved
    ? `Saved: ${ref} gets ${formatMoney(saved.amountPence)} (${OPTION_WORDS[saved.option]}).`
    : `Saved: ${ref} gets nothing.`;
}

/**
 * The custom amount to send for a row: what was typed, or else the bid's current amount (so that
 * saving conditions keeps it); a one-line reason when it is not an amount of money.
 */
export function customAmount(
  ref: string,
  typed: string | undefined,
  currentPence: number | undefined,
): { ok: true; pence: number } | { ok: false; message: string } {
  const text = typed ?? (currentPence !== undefined ? String(currentPence / 100) : '');
  const parsed = parseMoney(text);
  return parsed.ok
    ? { ok: true, pence: parsed.pence }
    : { ok: false, message: `Custom amount for ${ref}: ${parsed.reason}` };
}

/** Whether a row offers its Save button: a choice differing from what is saved, or a custom amount. */
export function offersSave(chosen: Option | undefined, saved: Option): boolean {
  return (chosen !== undefined && chosen !== saved) || (chosen ?? saved) === 'custom';
}

/** The record without one key (a row's pending state cleared). */
export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export interface ScenarioComparison {
  a: Scenario;
  b: Scenario;
  /** The bids whose amount differs between the two, in reference order. */
  bids: { ref: string; a: number; b: number }[];
  /** Each partnership's total in either scenario, by name. */
  partnerships: { p: string; a: number; b: number }[];
}

/** Two scenarios side by side: bids that change, and the totals by partnership. */
export function compareScenarios(a: Scenario, b: Scenario): ScenarioComparison {
  const both = [...a.items, ...b.items];
  const refs = [...new Set(both.map((i) => i.ref))].sort((x, y) =>
    x.localeCompare(y, 'en-GB', { numeric: true }),
  );
  const amount = (s: Scenario, ref: string) => s.items.find((i) => i.ref === ref)?.amountPence ?? 0;
  const partnerships = [...new Set(both.map((i) => i.partnership))].sort((x, y) =>
    x.localeCompare(y, 'en-GB'),
  );
  const byPartnership = (s: Scenario, p: string) =>
    s.items.filter((i) => i.partnership === p).reduce((sum, i) => sum + i.amountPence, 0);
  return {
    a,
    b,
    bids: refs.map((ref) => ({ ref, a: amount(a, ref), b: amount(b, ref) })).filter((r) => r.a !== r.b),
    partnerships: partnerships.map((p) => ({ p, a: byPartnership(a, p), b: byPartnership(b, p) })),
  };
}
