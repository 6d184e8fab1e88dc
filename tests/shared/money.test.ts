import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, MAX_PENCE, parseMoney, penceToInput } from '../../shared/money';

const pence = (text: string) => {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pence;
};

describe('parseMoney', () => {
  it.each([
    ['350000', 35_000_000],
    ['£350,000', 35_000_000],
    ['£350k', 35_000_000],
    ['£350K', 35_000_000],
    ['£ 33,760', 3_376_000],
    ['£38k', 3_800_000],
    ['£1098', 109_800],
    ['£800.00', 80_000],
    ['£1,098.5', 109_850],
    ['1.5k', 150_000],
    ['£1.2m', 120_000_000],
    ['0', 0],
    ['\u00a3\u00a010,000', 1_000_000],
    ['-£1,200', -120_000],
  ])('reads %s as %i pence', (text, expected) => {
    expect(pence(text)).toBe(expected);
  });

  it.each([
    ['£3OO', 'is not an amount of money'],
    ['£12,5OO', 'is not an amount of money'],
    ['', 'Enter an amount'],
    ['   ', 'Enter an amount'],
    ['1,00', 'is not an amount of money'],
    ['£1,0000', 'is not an amount of money'],
    ['£10.505', 'more decimal places'],
    ['25-30K', 'is not an amount of money'],
    ['£100,000 could be reduced to £90,000', 'is not an amount of money'],
    ['1e5', 'is not an amount of money'],
    ['£999999999999', 'larger than Tranche can hold'],
  ])('refuses %j, saying it %s', (text, reason) => {
    const parsed = parseMoney(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('reads back exactly what formatMoney writes, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_PENCE, max: MAX_PENCE }), (amount) => {
        expect(pence(formatMoney(amount))).toBe(amount);
        expect(pence(penceToInput(amount))).toBe(amount);
      }),
    );
  });

  it('treats plain digits as pounds, and k as thousands of pounds, without rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (pounds) => {
        expect(pence(String(pounds))).toBe(pounds * 100);
        expect(pence(`${pounds}k`)).toBe(pounds * 100_000);
      }),
    );
  });

  it('never produces a fraction of a penny', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseMoney(text);
        if (parsed.ok) expect(Number.isSafeInteger(parsed.pence)).toBe(true);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [3_800_000, '£38,000'],
    [3_796_000, '£37,960'],
    [50_926_000, '£509,260'],
    [73_881_053, '£738,810.53'],
    [5, '£0.05'],
    [0, '£0'],
    [-18_926_000, '-£189,260'],
  ])('writes %i pence as %s', (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it('refuses fractions of a penny rather than rounding them away', () => {
    expect(() => formatMoney(10.5)).toThrow(RangeError);
  });
});
