import { describe, expect, it } from 'vitest';
import { lastReturnWords } from '../../shared/grants';

// How the board's delivery page and workbook name a grant's last return.

describe('the last return, in words', () => {
  it('says when it came, and that it was late when it came after its due date', () => {
    expect(lastReturnWords(null)).toBe('None yet');
    expect(lastReturnWords({ dueOn: '2027-03-06', receivedOn: '2027-03-06', rag: 'green' })).toBe(
      '6 March 2027',
    );
    expect(lastReturnWords({ dueOn: '2027-03-06', receivedOn: '2027-04-10', rag: 'amber' })).toBe(
      '10 April 2027, late (due 6 March 2027)',
    );
  });
});
