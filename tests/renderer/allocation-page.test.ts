import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AllocationTable } from '../../renderer/src/pages/allocation/AllocationTable';
import type { AllocationEditor } from '../../renderer/src/pages/allocation/useAllocationEditor';

// The allocation table's logic, rendered to markup without a browser: what each role sees in a row.

const ranking = [
  {
    bidId: 1,
    ref: 'SS1',
    title: 'Street marshals',
    partnership: 'Coventry Community Safety Partnership',
    requestedPence: 38_000_00,
    rank: 1,
    weightedScore: 81.33,
    complete: true,
    reducedPence: 30_000_00,
  },
  {
    bidId: 2,
    ref: 'SS2',
    title: 'Alley gating',
    partnership: 'Solihull Community Safety Partnership',
    requestedPence: 20_000_00,
    rank: 1,
    weightedScore: 81.33,
    complete: true,
    reducedPence: null,
  },
];

const items = [
  {
    ref: 'SS1',
    option: 'full' as const,
    amountPence: 38_000_00,
    conditions: 'Quarterly reports',
    reason: '',
    departures: [] as string[],
  },
];

function editor(): AllocationEditor {
  const item = (ref: string) => items.find((i) => i.ref === ref) as never;
  return {
    item,
    saved: (ref: string) => items.find((i) => i.ref === ref)?.option ?? 'none',
    chosen: () => undefined,
    choose: () => {},
    custom: () => '',
    setCustom: () => {},
    conditions: (ref: string) => items.find((i) => i.ref === ref)?.conditions ?? '',
    setConditions: () => {},
    crimeReduction: () => '',
    setCrimeReduction: () => {},
    reason: () => '',
    setReason: () => {},
    error: () => '',
    pending: () => undefined,
    allocate: async () => {},
    allocateWithReason: async () => {},
    saveConditions: async () => {},
  } as unknown as AllocationEditor;
}

function render(canAllocate: boolean) {
  return renderToStaticMarkup(
    createElement(AllocationTable, {
      ranking: ranking as never,
      viewsOf: (ref: string) =>
        ref === 'SS1'
          ? [
              {
                person: 'Ruth Board',
                view: 'support_with_conditions' as const,
                comment: 'Only with match funding',
                meetingOn: null,
              },
              { person: 'Amir Board', view: 'support' as const, comment: '', meetingOn: '2013-11-05' },
            ]
          : [],
      editor: editor(),
      canAllocate,
    }),
  );
}

describe('the allocation table', () => {
  it("shows each board member's view, with their comment, beside the bid", () => {
    const html = render(true);
    expect(html).toContain('Board&#x27;s views on SS1 (2)');
    expect(html).toContain('<strong>Support with conditions</strong> (Ruth Board): Only with match funding');
    expect(html).toContain('<strong>Support</strong> (Amir Board)');
    expect(html).toContain('No board view recorded on SS2.');
  });

  it('shows the reduced amount a bid offers, from its own row, and nothing where it offers none', () => {
    const html = render(true);
    expect(html).toContain('<td class="numeric">£30,000</td>');
    expect(html).toContain('<td class="numeric">£20,000</td><td class="numeric"></td>');
  });

  it('shows a shared rank as "=1" for bids tied on score', () => {
    expect(render(true).match(/<td class="numeric">=1<\/td>/g)).toHaveLength(2);
  });

  it('offers the conditions box only to someone who may allocate, and only on a funded bid', () => {
    const lead = render(true);
    expect(lead).toContain('id="conditions-SS1"');
    expect(lead).not.toContain('id="conditions-SS2"');
    const board = render(false);
    expect(board).not.toContain('id="conditions-SS1"');
    expect(board).toContain('Conditions of grant:</strong> Quarterly reports');
    expect(board).toMatch(/<select id="alloc-SS1" class="select" disabled="">/);
  });
});
