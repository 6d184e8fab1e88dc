import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ScenariosSection } from '../../renderer/src/pages/allocation/ScenariosSection';
import { SuggestionSection, type Suggestion } from '../../renderer/src/pages/allocation/SuggestionSection';

// The allocation page's suggestion and scenarios, rendered to markup without a browser: what is
// offered to someone who may allocate and what only to read, and the reason each bid is left out.
vi.mock('../../renderer/src/api', () => ({ api: {} }));

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => undefined;

const suggestion: Suggestion = {
  method: 'rank',
  explanation: 'In rank order until the money runs out',
  allocatedPence: 58_000_00,
  items: [
    { ref: 'SS1', amountPence: 38_000_00, option: 'full' },
    { ref: 'SS2', amountPence: 20_000_00, option: 'reduced' },
  ],
  excluded: [{ ref: 'SS3', reason: 'Below the quality threshold (48 of 100)' }],
  applied: false,
};

function suggestionSection(canAllocate: boolean, s: Suggestion | null) {
  return text(
    renderToStaticMarkup(
      createElement(SuggestionSection, {
        roundId: 1,
        canAllocate,
        suggestion: s,
        setSuggestion: noop,
        adoptReason: '',
        setAdoptReason: noop,
        onDone: noop,
      }),
    ),
  );
}

describe('the suggested allocation', () => {
  it('offers adopting a suggestion only once there is one, and only to someone who may allocate', () => {
    expect(suggestionSection(true, suggestion)).toContain('Adopt the suggestion');
    expect(suggestionSection(true, null)).not.toContain('Adopt the suggestion');
    const reader = suggestionSection(false, suggestion);
    expect(reader).not.toContain('Adopt the suggestion');
    // Anyone may still ask for a suggestion and read it.
    expect(reader).toContain('Suggest an allocation');
    expect(reader).toContain('Suggested in rank order: £58,000');
  });

  it('says why each bid is left out', () => {
    expect(suggestionSection(false, suggestion)).toContain('SS3 : Below the quality threshold (48 of 100)');
  });
});

const scenario = (id: number, name: string, adoptedAt: string | null = null) => ({
  id,
  name,
  createdBy: 'Dan Hughes',
  createdAt: '2026-05-01T09:00:00.000Z',
  adoptedAt,
  allocatedPence: 38_000_00,
  items: [
    { bidId: 1, ref: 'SS1', partnership: 'Coventry CSP', option: 'full' as const, amountPence: 38_000_00 },
  ],
});

function scenarios(canAllocate: boolean, list: ReturnType<typeof scenario>[] | null) {
  return text(
    renderToStaticMarkup(
      createElement(ScenariosSection, {
        roundId: 1,
        canAllocate,
        scenarios: list,
        adoptReason: '',
        setAdoptReason: noop,
        onDone: noop,
      }),
    ),
  );
}

describe('scenarios', () => {
  it('offers saving, adopting and the reason for departing from the ranking only to someone who may allocate', () => {
    const list = [scenario(1, 'Rank order', '2026-05-02T09:00:00.000Z'), scenario(2, 'Value for money')];
    const lead = scenarios(true, list);
    expect(lead).toContain('Save the current allocation');
    expect(lead).toContain('Adopt Value for money');
    expect(lead).toContain('Reason for departing from the ranking');
    expect(lead).toContain('Rank order Adopted');
    const reader = scenarios(false, list);
    for (const offered of ['Save the current allocation', 'Adopt Value for money', 'Reason for departing'])
      expect(reader).not.toContain(offered);
    expect(reader).toContain('Value for money');
  });

  it('says when none are saved, and asks no reason then', () => {
    const none = scenarios(true, []);
    expect(none).toContain('No scenarios saved.');
    expect(none).not.toContain('Reason for departing from the ranking');
  });
});
