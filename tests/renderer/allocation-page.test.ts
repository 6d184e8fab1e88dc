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
      reducedOf: () => null,
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
