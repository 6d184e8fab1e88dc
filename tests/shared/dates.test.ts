import { describe, expect, it } from 'vitest';
import { financialYearLabel, financialYearOf, formatDate, isIsoDate } from '../../shared/dates';

describe('dates', () => {
  it('writes dates the en-GB way', () => {
    expect(formatDate('2013-11-05')).toBe('5 November 2013');
    expect(formatDate('2024-02-29')).toBe('29 February 2024');
  });

  it('shows a timestamp as its UK calendar date, not its UTC one', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(formatDate('2023-06-30T23:30:00.000Z')).toBe('1 July 2023');
    expect(formatDate('2023-12-31T23:30:00.000Z')).toBe('31 December 2023');
  });

  it('refuses impossible dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2013-13-01')).toBe(false);
    expect(isIsoDate('5/11/2013')).toBe(false);
    expect(() => formatDate('2013-02-30')).toThrow(RangeError);
  });

  it('puts a date in the financial year that starts on 1 April', () => {
    expect(financialYearOf('2013-11-05')).toBe('2013-14');
    expect(financialYearOf('2014-03-31')).toBe('2013-14');
    expect(financialYearOf('2014-04-01')).toBe('2014-15');
    expect(financialYearLabel(1999)).toBe('1999-00');
  });
});
