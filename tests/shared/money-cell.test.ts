import { describe, expect, it } from 'vitest';
import { parseMoneyCell } from '../../shared/money-cell';

describe('parseMoneyCell', () => {
  it.each([
    ['£50,000', 5_000_000, null],
    ['£ 33,760', 3_376_000, null],
    ['£38k', 3_800_000, null],
    ['£100,000 could be reduced to £90,000', 10_000_000, 9_000_000],
    ['£195,000 which could be reduced to £165,000', 19_500_000, 16_500_000],
    ['£95,000 could be reduced to £75,000*', 9_500_000, 7_500_000],
  ])('reads %j', (text, pence, reduced) => {
    expect(parseMoneyCell(text)).toEqual({
      ok: true,
      empty: false,
      pence,
      reducedPence: reduced,
      note: null,
    });
  });

  it('keeps a note written after the amount', () => {
    expect(parseMoneyCell('£12,500 (funding for 5 months from November)')).toEqual({
      ok: true,
      empty: false,
      pence: 1_250_000,
      reducedPence: null,
      note: 'funding for 5 months from November',
    });
  });

  it('reads spreadsheet numbers as pounds without drifting a penny', () => {
    expect(parseMoneyCell(33760)).toMatchObject({ pence: 3_376_000 });
    expect(parseMoneyCell(1098.5)).toMatchObject({ pence: 109_850 });
    expect(parseMoneyCell(0.1 + 0.2)).toMatchObject({ pence: 30 });
    expect(parseMoneyCell(10.005)).toMatchObject({ ok: false });
  });

  it('treats blank cells as empty and refuses what is not one amount', () => {
    expect(parseMoneyCell('  ')).toEqual({ ok: true, empty: true });
    expect(parseMoneyCell(null)).toEqual({ ok: true, empty: true });
    expect(parseMoneyCell('25-30K')).toMatchObject({ ok: false, reason: expect.stringContaining('range') });
    expect(parseMoneyCell('£12,5OO')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not an amount of money'),
    });
    expect(parseMoneyCell('£100,000 could be reduced to lots')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('reduced amount'),
    });
  });
});
