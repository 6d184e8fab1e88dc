import { describe, expect, it } from 'vitest';
import {
  allocatedShare,
  barPercent,
  compareScenarios,
  customAmount,
  offersSave,
  savedMessage,
  sharedRanksOf,
  without,
} from '../../renderer/src/pages/allocation/maths';

const scenario = (name: string, items: [string, string, number][]) => ({
  id: name.length,
  name,
  createdBy: null,
  createdAt: '2013-11-05T10:00:00Z',
  adoptedAt: null,
  allocatedPence: items.reduce((sum, [, , pence]) => sum + pence, 0),
  items: items.map(([ref, partnership, amountPence], i) => ({
    bidId: i + 1,
    ref,
    partnership,
    option: 'full' as const,
    amountPence,
  })),
});

describe('the allocation page’s arithmetic', () => {
  it('shows the share allocated as a bar that stops at full, and nothing when no money is available', () => {
    expect(allocatedShare({ allocatedPence: 25_000_00, availablePence: 100_000_00 })).toBe(25);
    expect(allocatedShare({ allocatedPence: 150_000_00, availablePence: 100_000_00 })).toBe(100);
    expect(allocatedShare({ allocatedPence: 5_000_00, availablePence: 0 })).toBe(0);
    expect(barPercent(50, 200)).toBe(25);
    expect(barPercent(0, 0)).toBe(0);
  });

  it('compares two scenarios: only the bids whose amount changes, and each partnership’s total', () => {
    const a = scenario('Birmingham first', [
      ['B2', 'Birmingham CSP', 75_000_00],
      ['B10', 'Birmingham CSP', 10_000_00],
      ['C1', 'Coventry CSP', 40_000_00],
    ]);
    const b = scenario('Suggested', [
      ['B2', 'Birmingham CSP', 100_000_00],
      ['B10', 'Birmingham CSP', 10_000_00],
      ['S1', 'Solihull CSP', 50_000_00],
    ]);
    const compared = compareScenarios(a, b);
    // B10 is the same in both and is left out; B10 sorts after B2 (numbers read as numbers).
    expect(compared.bids).toEqual([
      { ref: 'B2', a: 75_000_00, b: 100_000_00 },
      { ref: 'C1', a: 40_000_00, b: 0 },
      { ref: 'S1', a: 0, b: 50_000_00 },
    ]);
    expect(compared.partnerships).toEqual([
      { p: 'Birmingham CSP', a: 85_000_00, b: 110_000_00 },
      { p: 'Coventry CSP', a: 40_000_00, b: 0 },
      { p: 'Solihull CSP', a: 0, b: 50_000_00 },
    ]);
  });

  it('reads a typed custom amount, falls back to the saved one, and names the bid when it is not money', () => {
    expect(customAmount('S1', '£60k', undefined)).toEqual({ ok: true, pence: 60_000_00 });
    expect(customAmount('S1', undefined, 12_345_00)).toEqual({ ok: true, pence: 12_345_00 });
    const bad = customAmount('S1', 'sixty', undefined);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^Custom amount for S1: /);
  });

  it('offers Save only for a changed choice or a custom amount', () => {
    expect(offersSave(undefined, 'full')).toBe(false);
    expect(offersSave('full', 'full')).toBe(false);
    expect(offersSave('reduced', 'full')).toBe(true);
    expect(offersSave(undefined, 'custom')).toBe(true);
  });

  it('confirms a save in words with the amount', () => {
    expect(savedMessage('B2', { amountPence: 75_000_00, option: 'reduced' })).toBe(
      'Saved: B2 gets £75,000 (the reduced amount).',
    );
    expect(savedMessage('B2', undefined)).toBe('Saved: B2 gets nothing.');
  });

  it('finds shared ranks among scored bids only, once per list', () => {
    const list = [
      { rank: 1, complete: true },
      { rank: 2, complete: true },
      { rank: 2, complete: true },
      { rank: 4, complete: false },
      { rank: 4, complete: true },
    ];
    const shared = sharedRanksOf(list);
    expect([...shared]).toEqual([2]);
    expect(sharedRanksOf(list)).toBe(shared);
    expect(without({ B1: 'x', B2: 'y' }, 'B1')).toEqual({ B2: 'y' });
  });
});
