import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyBidForm, type BidFormValues } from '../../renderer/src/forms/bid-form';
import { BidDetailsFields } from '../../renderer/src/pages/bid-form/BidDetailsFields';
import { BidStatusFields } from '../../renderer/src/pages/bid-form/BidStatusFields';
import { ClaimedPriorities } from '../../renderer/src/pages/bid-form/ClaimedPriorities';
import { CostLines } from '../../renderer/src/pages/bid-form/CostLines';
import {
  asksStatusReason,
  bidFieldId,
  flattenPriorities,
  refusalFieldErrors,
  summaryErrors,
  withLineAdded,
  withLinePart,
  withLineRemoved,
  withPriority,
} from '../../renderer/src/pages/bid-form/edits';

// The bid form's parts, without a browser: its edits, its error summary and what each group shows.

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => () => {};

const priorities = [
  {
    id: 1,
    code: 'P1',
    title: 'Reduce violence',
    children: [{ id: 2, code: 'P1.1', title: 'Night-time economy', children: [] }],
  },
  { id: 3, code: 'P2', title: 'Protect the vulnerable', children: [] },
];

describe('the bid form’s edits', () => {
  it('adds, changes and removes cost lines, leaving the others as they were', () => {
    let values: BidFormValues = withLineAdded(withLineAdded(emptyBidForm));
    values = withLinePart(values, 1, 'amount', '1,200');
    expect(values.costLines).toEqual([
      { description: '', quantity: '', unitCost: '', amount: '' },
      { description: '', quantity: '', unitCost: '', amount: '1,200' },
    ]);
    expect(withLineRemoved(values, 0).costLines).toEqual([
      { description: '', quantity: '', unitCost: '', amount: '1,200' },
    ]);
    expect(emptyBidForm.costLines).toEqual([]);
  });

  it('claims and unclaims priorities, and lists nested ones in reading order with their depth', () => {
    const claimed = withPriority(withPriority(emptyBidForm, 2, true), 3, true);
    expect(claimed.claimedPriorityIds).toEqual([2, 3]);
    expect(withPriority(claimed, 2, false).claimedPriorityIds).toEqual([3]);
    expect(flattenPriorities(priorities).map(({ node, depth }) => `${depth}:${node.code}`)).toEqual([
      '0:P1',
      '1:P1.1',
      '0:P2',
    ]);
  });

  it('asks for a reason when a bid is withdrawn or ineligible, or already has one', () => {
    expect(asksStatusReason(emptyBidForm)).toBe(false);
    expect(asksStatusReason({ ...emptyBidForm, status: 'withdrawn' })).toBe(true);
    expect(asksStatusReason({ ...emptyBidForm, status: 'ineligible' })).toBe(true);
    expect(asksStatusReason({ ...emptyBidForm, statusReason: 'Late' })).toBe(true);
  });

  it('lists errors in the order the fields appear, after a refusal of the whole form, each linked', () => {
    const values = withLineAdded(emptyBidForm);
    const errors = { 'costLines.0.amount': 'Enter the amount in pounds', ref: 'Enter the reference' };
    expect(summaryErrors(values, errors, 'Bid SS1 already exists')).toEqual([
      { message: 'Bid SS1 already exists' },
      { fieldId: 'bid-ref', message: 'Enter the reference' },
      { fieldId: 'bid-costLines-0-amount', message: 'Enter the amount in pounds' },
    ]);
    expect(bidFieldId('claimedPriorityIds')).toBe('bid-claimedPriorityIds');
  });

  it('puts a refusal’s issues beside the fields they name, and leaves out what names no field', () => {
    expect(
      refusalFieldErrors([
        { path: 'costLines.2.unitCostPence', message: 'Unit cost is not an amount' },
        { path: 'requestedPence', message: 'Requested is more than the round' },
        { path: '', message: 'Round is signed' },
      ]),
    ).toEqual({
      'costLines.2.unitCost': 'Unit cost is not an amount',
      requested: 'Requested is more than the round',
    });
  });
});

describe('the bid form’s groups', () => {
  it('shows the status reason only when asked, with its error', () => {
    const quiet = renderToStaticMarkup(
      createElement(BidStatusFields, { values: emptyBidForm, errors: {}, set: noop }),
    );
    expect(quiet).not.toContain('bid-statusReason');
    const withdrawn = renderToStaticMarkup(
      createElement(BidStatusFields, {
        values: { ...emptyBidForm, status: 'withdrawn' },
        errors: { statusReason: 'Say why the bid is withdrawn' },
        set: noop,
      }),
    );
    expect(text(withdrawn)).toContain('Reason for the status');
    expect(text(withdrawn)).toContain('Say why the bid is withdrawn');
  });

  it('puts a refused summary’s reason beside the summary box, which it describes', () => {
    const markup = renderToStaticMarkup(
      createElement(BidDetailsFields, {
        values: emptyBidForm,
        errors: { summary: 'The summary is longer than 10,000 characters' },
        set: noop,
        partnerships: [],
      }),
    );
    const id = bidFieldId('summary');
    expect(markup).toContain(`id="${id}-error"`);
    expect(text(markup)).toContain('Error: The summary is longer than 10,000 characters');
    expect(markup).toMatch(
      new RegExp(`<textarea[^>]*aria-describedby="${id}-error"[^>]*aria-invalid="true"`),
    );
  });

  it('numbers each cost line’s fields and adds them up as typed, or says it cannot yet', () => {
    const lines = [
      { description: 'Marshals', quantity: '2', unitCost: '1,000', amount: '' },
      { description: 'Radios', quantity: '', unitCost: '', amount: '250.50' },
    ];
    const props = { errors: {}, setLine: noop, onAdd: () => {}, onRemove: () => {} };
    const markup = renderToStaticMarkup(createElement(CostLines, { ...props, lines }));
    expect(markup).toContain('id="bid-costLines-1-amount"');
    expect(text(markup)).toContain('Line 2: unit cost');
    expect(text(markup)).toContain('Remove line 2');
    expect(text(markup)).toContain('Cost lines add up to: £2,250.50');
    const unreadable = [{ ...lines[0]!, unitCost: 'a lot' }];
    expect(text(renderToStaticMarkup(createElement(CostLines, { ...props, lines: unreadable })))).toContain(
      'Cost lines add up to: —',
    );
  });

  it('indents nested priorities, ticks the claimed ones, and says when the round has no plan', () => {
    const markup = renderToStaticMarkup(
      createElement(ClaimedPriorities, {
        priorities,
        planTitle: 'Police and Crime Plan 2013-17',
        claimed: [2],
        error: undefined,
        onClaim: () => {},
      }),
    );
    expect(markup).toMatch(/margin-left:24px[^]*id="priority-2"[^>]*checked/);
    expect(markup).not.toMatch(/id="priority-1"[^>]*checked/);
    expect(text(markup)).toContain('From Police and Crime Plan 2013-17');
    const none = renderToStaticMarkup(
      createElement(ClaimedPriorities, {
        priorities: [],
        planTitle: null,
        claimed: [],
        error: undefined,
        onClaim: () => {},
      }),
    );
    expect(text(none)).toContain('This round has no Police and Crime Plan');
  });
});
