import { describe, expect, it } from 'vitest';
import { nextYear, scheduleErrors } from '../../renderer/src/pages/delivery/schedule-rows';
import { whyNotOffered } from '../../renderer/src/pages/delivery/grant-offers';
import { variationChange } from '../../shared/grants';

// The grant page's forms: each refusal of a schedule lands on the box it names, and the page warns
// that a variation needs a new decision by the same rule the handler refuses it by; a form the rule
// book refuses this person now is replaced by the line saying why.

describe('the payment schedule form', () => {
  it("links each refusal to the row and box it names, and the whole list's to the first year's money", () => {
    expect(
      scheduleErrors([
        { path: 'years.1.financialYear', message: 'Write each financial year like 2026-27' },
        { path: 'years.2', message: '2026-27 is given twice' },
        { path: 'years.0.allocationPence', message: "A year's money is not a sum of money" },
        { path: 'years', message: 'The years add up to £40,000 but the award is £50,000' },
      ]).map((e) => e.fieldId),
    ).toEqual([
      'schedule-1-financialYear',
      'schedule-2-financialYear',
      'schedule-0-allocationPence',
      'schedule-0-allocationPence',
    ]);
  });

  it("offers the year after the last row's for another year, and nothing after a year it cannot read", () => {
    expect(nextYear({ key: 0, financialYear: '2026-27', amount: '' })).toBe('2027-28');
    expect(nextYear({ key: 0, financialYear: '1999-00', amount: '' })).toBe('2000-01');
    expect(nextYear({ key: 0, financialYear: 'next year', amount: '' })).toBe('');
    expect(nextYear(undefined)).toBe('');
  });
});

describe('a variation against the threshold', () => {
  it('needs a new decision only when the change, up or down, is above the threshold', () => {
    expect(variationChange(5_000_000, 5_500_000, 500_000)).toEqual({
      changePence: 500_000,
      needsDecision: false,
    });
    expect(variationChange(5_000_000, 4_499_999, 500_000)).toEqual({
      changePence: 500_001,
      needsDecision: true,
    });
    expect(variationChange(5_000_000, 5_000_001, 0)).toEqual({ changePence: 1, needsDecision: true });
  });
});

describe("which of a grant's forms its page offers", () => {
  const at = (stage: 'signed' | 'decision', role: 'lead_officer' | 'policy_officer' | null, mayHere = true) =>
    ({ role, stage, known: true, mayHere }) as const;
  it('offers a form only where the rule book allows it, saying why in one line where it does not', () => {
    expect(whyNotOffered('grants:schedule', at('signed', 'lead_officer'))).toBeNull();
    expect(whyNotOffered('grants:schedule', at('decision', 'lead_officer'))).toBe(
      "You can set a grant's payment schedule only at the signed stage; this round is at decision.",
    );
    expect(whyNotOffered('grants:schedule', at('signed', 'policy_officer'))).toBe(
      "Only a lead officer can set a grant's payment schedule.",
    );
    expect(whyNotOffered('grants:vary', at('signed', 'lead_officer', false))).toBe(
      'This is a copy of the round from the office: only the office can vary a grant.',
    );
  });
  it('offers nothing, and says nothing, until who is acting and the stage are known', () => {
    expect(
      whyNotOffered('claims:add', { role: 'lead_officer', stage: undefined, known: true, mayHere: true }),
    ).toBe('');
    expect(whyNotOffered('claims:add', { role: null, stage: 'signed', known: false, mayHere: false })).toBe(
      '',
    );
  });
});
