import { describe, expect, it } from 'vitest';
import type { NoticeData } from '../../shared/notice-data';
import {
  appendicesSentence,
  appendixGroups,
  boardSentence,
  budgetSentence,
  decisionSentence,
  fundPhrase,
  roundPhrase,
} from '../../shared/notice-text';

// Sentences built from names the office typed must read for any of them.

const base = {
  fund: 'Invest to Save',
  roundName: '2013-14 tranche 2',
  financialYear: '2013-14',
  budgetPence: 35_000_000,
  commitments: [{ description: 'Domestic Homicide Review project', amountPence: 3_000_000 }],
  availablePence: 32_000_000,
  requestedPence: 50_926_000,
  bidCount: 13,
  partnershipCount: 6,
  noBidFrom: ['Wolverhampton Community Safety Partnership'],
  board: { name: 'Strategic Policing and Crime Board', meetingOn: '2013-11-05', summary: [] },
  decisions: [
    {
      ref: 'C1',
      partnership: 'Coventry',
      title: 'Hub',
      requestedPence: 1,
      reducedPence: null,
      awardedPence: 1,
      conditions: '',
    },
  ],
  appendixA: [],
  appendixB: null,
} as unknown as NoticeData;

const FUNDS = [
  'Invest to Save',
  'Invest to Save Budget',
  'Safer Streets Fund',
  'The Community Safety Fund',
  'MoJ Covid grants',
];
const ROUNDS = ['2013-14 tranche 2', 'Round 4 (SSF4)', 'SSF4', 'tranche 2', 'Second round'];

describe('notice sentences', () => {
  it('never leave a fund name hanging ("funding from the Invest to Save.")', () => {
    for (const fund of FUNDS) {
      const sentence = decisionSentence({ ...base, fund });
      expect(sentence).toMatch(/ (fund|Fund|Budget|grants)\.$/);
      expect(sentence).not.toMatch(/the the/i);
      expect(sentence).not.toContain('funding from');
    }
    expect(fundPhrase('Invest to Save')).toBe('the Invest to Save fund');
    expect(fundPhrase('Safer Streets Fund')).toBe('the Safer Streets Fund');
    expect(fundPhrase('The Community Safety Fund')).toBe('The Community Safety Fund');
  });

  it('name the round once, without repeating the year or "round"', () => {
    for (const fund of FUNDS)
      for (const roundName of ROUNDS) {
        const data = { ...base, fund, roundName };
        const sentence = budgetSentence(data);
        expect(sentence).not.toMatch(/round round/i);
        expect(sentence).not.toMatch(/the the/i);
        expect(sentence.split('2013-14').length - 1).toBeLessThanOrEqual(1);
        expect(sentence).toContain(roundPhrase(data));
      }
    expect(budgetSentence(base)).toBe(
      'The Commissioner set a budget of £350,000 for the 2013-14 tranche 2 round of the Invest to Save fund. ' +
        '£30,000 of it is already committed, leaving £320,000 available to allocate.',
    );
    expect(roundPhrase({ fund: 'Safer Streets', roundName: 'Round 4 (SSF4)' })).toBe(
      'Round 4 (SSF4) of the Safer Streets fund',
    );
  });

  it('say "attached" only when the business cases are attached', () => {
    expect(decisionSentence(base)).toContain('the business cases submitted');
    expect(decisionSentence(base)).not.toContain('attached');
    expect(appendicesSentence(base)).not.toContain('attached');
    const withCases = { ...base, appendixB: [] };
    expect(decisionSentence(withCases)).toContain('attached at Appendix B');
    expect(appendicesSentence(withCases)).toContain('attached at Appendix B');
    expect(decisionSentence({ ...base, decisions: [] })).toContain('approve none of the bids');
  });

  it('name the board and its meeting as the office gave them', () => {
    expect(boardSentence(base)).toBe(
      'The Commissioner sought the views of the Strategic Policing and Crime Board at its meeting on 5 November 2013.',
    );
    expect(boardSentence({ ...base, board: { meetingOn: null, summary: [] } })).toBe(
      'The Commissioner sought the views of the board.',
    );
  });

  it('group Appendix A by partnership with subtotals, and list the office partnerships that made no bid', () => {
    const bid = (
      ref: string,
      partnership: string,
      requested: number,
      reduced: number | null,
      awarded: number | null,
    ) => ({
      ref,
      partnership,
      title: ref,
      requestedPence: requested,
      reducedPence: reduced,
      awardedPence: awarded,
      conditions: '',
    });
    const groups = appendixGroups({
      ...base,
      appendixA: [
        bid('B2', 'Birmingham', 9_500_000, 7_500_000, null),
        bid('C1', 'Coventry', 3_500_000, null, 3_500_000),
        bid('B1', 'Birmingham', 10_000_000, 9_000_000, 9_000_000),
      ],
    });
    expect(
      groups.map((g) => [
        g.partnership,
        g.bids.map((b) => b.ref),
        g.requestedPence,
        g.reducedPence,
        g.awardedPence,
      ]),
    ).toEqual([
      ['Birmingham', ['B1', 'B2'], 19_500_000, 16_500_000, 9_000_000],
      ['Coventry', ['C1'], 3_500_000, 3_500_000, 3_500_000],
      ['Wolverhampton Community Safety Partnership', [], 0, 0, 0],
    ]);
  });
});
