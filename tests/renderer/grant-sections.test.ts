import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { GrantDetail } from '../../shared/grants';
import type { SummaryError } from '../../renderer/src/components/ErrorSummary';
import { AgreementSection } from '../../renderer/src/pages/delivery/AgreementSection';
import { ClaimsSection } from '../../renderer/src/pages/delivery/ClaimsSection';
import { DiligenceForm } from '../../renderer/src/pages/delivery/DiligenceForm';
import { summaryErrors } from '../../renderer/src/pages/delivery/refusal';
import { CloseSection } from '../../renderer/src/pages/delivery/CloseSection';
import { ReturnsSection } from '../../renderer/src/pages/delivery/ReturnsSection';
import { ScheduleSection } from '../../renderer/src/pages/delivery/ScheduleSection';
import { VariationSection } from '../../renderer/src/pages/delivery/VariationSection';

// The grant page's sections, rendered to markup without a browser: which form each offers to whom,
// what it says in a form's place, the schedule note as the handler figures it, and a refusal shown
// beside the field it names. Nothing is sent: the api is never reached when rendering.
vi.mock('../../renderer/src/api', () => ({ api: {} }));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const claim = (id: number, recordedBy: string, status: 'recorded' | 'paid' = 'recorded') => ({
  id,
  period: '2026-27-Q1',
  financialYear: '2026-27',
  amountPence: 1_250_000,
  matchPence: null,
  status,
  recordedBy,
  recordedAt: '2026-07-15T09:00:00.000Z',
  approvedBy: status === 'paid' ? 'Dan Hughes' : null,
  approvedAt: status === 'paid' ? '2026-07-16T09:00:00.000Z' : null,
});

const grant: GrantDetail = {
  ref: 'S1',
  title: 'Project to Address Violent Crime',
  partnership: 'Safer Solihull Partnership',
  awardedPence: 4_700_000,
  paidPence: 0,
  claimedPence: 1_250_000,
  remainingPence: 4_700_000,
  status: 'in_delivery',
  awardedOn: '2026-05-01',
  diligenceComplete: true,
  nextReturnDue: null,
  lastReturn: null,
  overdue: [],
  rag: 'green',
  conditions: '',
  diligence: {
    bankConfirmed: true,
    accountableBody: 'Solihull Council',
    conflicts: null,
    fraudRisk: 'low',
    reason: 'Audited accounts',
    by: 'Dan Hughes',
    at: '2026-05-02T09:00:00.000Z',
  },
  agreement: { recipientSignedBy: null, recipientSignedOn: null, officeSignedBy: null, officeSignedOn: null },
  matchCommittedPence: null,
  matchReportedPence: 0,
  years: [
    { financialYear: '2026-27', allocationPence: 3_000_000, claimedPence: 1_250_000 },
    { financialYear: '2027-28', allocationPence: 2_000_000, claimedPence: 0 },
  ],
  scheduleTotal: { scheduledPence: 5_000_000, awardedPence: 4_700_000, addsUp: false },
  claims: [claim(1, 'Asha Patel')],
  returns: [],
  variations: [],
  finalReport: null,
  closedOn: null,
  clawbackPence: null,
};

const forms = {
  roundId: 1,
  onSaved: () => undefined,
  errors: [] as SummaryError[],
  setErrors: () => undefined,
};

describe("a grant's claims", () => {
  const claims = (me: string, whyNotApprove: string | null, g: GrantDetail = grant) =>
    text(
      renderToStaticMarkup(
        createElement(ClaimsSection, { ...forms, grant: g, me, whyNotAdd: null, whyNotApprove }),
      ),
    );

  it('offers approval only to someone other than the claim’s recorder', () => {
    expect(claims('Dan Hughes', null)).toContain('Approve claim 1');
    const own = claims('Asha Patel', null);
    expect(own).not.toContain('Approve claim 1');
    expect(own).toContain('You recorded this, so you cannot approve a payment on it');
  });

  it('says why approval is not offered, once, while a claim waits for it', () => {
    const why = 'You can approve a payment only at the signed stage; this round is at decision.';
    const waiting = claims('Dan Hughes', why);
    expect(waiting).toContain('Awaiting approval');
    expect(waiting).not.toContain('Approve claim 1');
    expect(waiting.split(why)).toHaveLength(2);
    // With nothing waiting, there is nothing to explain.
    expect(claims('Dan Hughes', why, { ...grant, claims: [claim(1, 'Asha Patel', 'paid')] })).not.toContain(
      why,
    );
  });
});

describe("a grant's agreement", () => {
  const agreement = (a: Partial<GrantDetail['agreement']>, whyNotSign: string | null = null) =>
    renderToStaticMarkup(
      createElement(AgreementSection, {
        ...forms,
        grant: { ...grant, agreement: { ...grant.agreement, ...a } },
        me: 'Dan Hughes',
        mayDraft: true,
        whyNotSign,
        open: true,
      }),
    );

  it('offers only the signature still missing, already chosen, and no form once both have signed', () => {
    const recipientSigned = agreement({ recipientSignedBy: 'Jo Bloggs', recipientSignedOn: '2026-05-03' });
    const radios = recipientSigned.match(/<input[^>]*type="radio"[^>]*>/g) ?? [];
    expect(radios).toHaveLength(1);
    expect(radios[0]).toContain('checked');
    expect(text(recipientSigned)).toContain('The office');
    expect(text(recipientSigned)).not.toContain('The recipient');
    expect(
      agreement({})
        .match(/<input[^>]*type="radio"[^>]*>/g)
        ?.filter((r) => r.includes('checked')),
    ).toEqual([]);
    const both = agreement({
      recipientSignedBy: 'Jo Bloggs',
      recipientSignedOn: '2026-05-03',
      officeSignedBy: 'Dan Hughes',
      officeSignedOn: '2026-05-04',
    });
    expect(text(both)).not.toContain('Record the signature');
  });

  it('puts the one line saying why in place of the signing form', () => {
    const why = 'Only a lead officer or commissioner can record the signing of a grant agreement.';
    const markup = text(agreement({}, why));
    expect(markup).toContain(why);
    expect(markup).not.toContain('Record the signature');
  });
});

describe("a grant's payment schedule", () => {
  const schedule = (g: GrantDetail, whyNotSet: string | null = null) =>
    text(renderToStaticMarkup(createElement(ScheduleSection, { ...forms, grant: g, whyNotSet, open: true })));

  it('states the figures the handler gives when the schedule no longer adds up, and nothing when it does', () => {
    // The note shows the handler's figures as given; the page does not add the years up itself.
    expect(schedule(grant)).toContain('The schedule adds up to £50,000 but the award is now £47,000');
    const fine = {
      ...grant,
      scheduleTotal: { scheduledPence: 5_000_000, awardedPence: 5_000_000, addsUp: true },
    };
    expect(schedule(fine)).not.toContain('The schedule adds up to');
  });

  it('shows a refusal beside the box it names', () => {
    const markup = renderToStaticMarkup(
      createElement(ScheduleSection, {
        ...forms,
        grant,
        whyNotSet: null,
        open: true,
        errors: [{ fieldId: 'schedule-1-financialYear', message: 'Write each financial year like 2026-27' }],
      }),
    );
    expect(markup).toMatch(
      /id="schedule-1-financialYear-error"[^>]*>.*Write each financial year like 2026-27/,
    );
  });
});

describe('closing a grant', () => {
  const close = (g: GrantDetail, whyNotClose: string | null, errors = forms.errors) =>
    renderToStaticMarkup(
      createElement(CloseSection, { ...forms, grant: g, whyNotClose, open: true, errors }),
    );

  it('warns that a claim not yet approved must be approved first', () => {
    expect(text(close(grant, null))).toContain(
      '£12,500 is claimed and not yet approved: it must be approved first.',
    );
    expect(text(close({ ...grant, claimedPence: 0 }, null))).not.toContain('not yet approved');
  });

  it('shows a refusal beside the final report, and a line in place of the form where it is not offered', () => {
    const refused = close(grant, null, [{ fieldId: 'close-finalReport', message: 'Write the final report' }]);
    expect(refused).toMatch(/form-group--error/);
    expect(refused).toMatch(/id="close-finalReport-error"[^>]*>.*Write the final report/);
    const why = 'Only a lead officer can close a grant.';
    const notOffered = text(close(grant, why));
    expect(notOffered).toContain(why);
    expect(notOffered).not.toContain('Final report');
  });
});

describe("a grant's variations", () => {
  const variations = (whyNotVary: string | null, g: GrantDetail = grant) =>
    text(
      renderToStaticMarkup(
        createElement(VariationSection, {
          ...forms,
          grant: g,
          thresholdPence: 500_000,
          whyNotVary,
          open: true,
        }),
      ),
    );

  it('offers the form with the threshold, says why not where it is refused, and stays away while loading', () => {
    expect(variations(null)).toContain('Vary the amount');
    const why = 'You can vary a grant only at the signed stage; this round is at decision.';
    expect(variations(why)).toContain(why);
    expect(variations(why)).not.toContain('Vary the amount');
    expect(variations('')).toBe('');
  });
});

describe('due diligence', () => {
  it("links each of the handler's refusals to its field, and one about the whole form to the first", () => {
    const refusal = {
      code: 'invalid_input' as const,
      message: 'Due diligence was not recorded',
      issues: [
        { path: 'fraudRisk', message: 'The fraud risk is low, medium or high' },
        { path: 'reason', message: 'Give the reason for the fraud risk rating' },
      ],
    };
    const fields = ['bankConfirmed', 'accountableBody', 'conflicts', 'fraudRisk', 'reason'];
    expect(summaryErrors(refusal, 'diligence', fields, 'accountableBody')).toEqual([
      { fieldId: 'diligence-fraudRisk', message: 'The fraud risk is low, medium or high' },
      { fieldId: 'diligence-reason', message: 'Give the reason for the fraud risk rating' },
    ]);
    const whole = { code: 'conflict' as const, message: 'The grant is closed' };
    expect(summaryErrors(whole, 'diligence', fields, 'accountableBody')).toEqual([
      { fieldId: 'diligence-accountableBody', message: 'The grant is closed' },
    ]);
  });

  it('opens on what was recorded, and shows a refusal beside the fraud risk, described by it', () => {
    const markup = renderToStaticMarkup(
      createElement(DiligenceForm, {
        ...forms,
        grant,
        errors: [{ fieldId: 'diligence-fraudRisk', message: 'The fraud risk is low, medium or high' }],
      }),
    );
    expect(markup).toMatch(/value="Solihull Council"/);
    expect(markup).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(markup).toMatch(/id="diligence-fraudRisk-error"[^>]*>.*The fraud risk is low, medium or high/);
    expect(markup).toMatch(/<select[^>]*aria-describedby="diligence-fraudRisk-error"/);
  });
});

describe('importing a monitoring return', () => {
  const returns = (errors: SummaryError[]) =>
    renderToStaticMarkup(createElement(ReturnsSection, { ...forms, grant, whyNotImport: null, errors }));

  it("shows a bad file's refusal beside the file field, each bad cell on its own line, described by it", () => {
    const refused = returns([
      { fieldId: 'return-file', message: 'B6 (Spend to date (£)): give a sum of money' },
      { fieldId: 'return-file', message: 'B9 (RAG rating): red, amber or green' },
    ]);
    expect(refused).toMatch(/form-group--error/);
    expect(refused).toMatch(
      /id="return-file-error"[^>]*>.*B6 \(Spend to date \(£\)\): give a sum of money.*B9 \(RAG rating\): red/,
    );
    expect(refused.match(/class="error-message__line"/g)).toHaveLength(2);
    expect(refused).toMatch(
      /<input[^>]*id="return-file"[^>]*aria-describedby="return-file-hint return-file-error"/,
    );
    expect(refused).toMatch(/<input[^>]*aria-invalid="true"/);
    const clean = returns([]);
    expect(clean).not.toMatch(/error-message|form-group--error|aria-invalid/);
    expect(clean).toMatch(/<input[^>]*aria-describedby="return-file-hint"/);
  });

  it('shows a refusal about the whole page in the summary only, not beside the file', () => {
    expect(returns([{ message: 'The return template could not be made' }])).not.toMatch(/error-message/);
  });
});
