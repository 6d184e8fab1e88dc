import { describe, expect, it } from 'vitest';
import { summarise } from '../../electron/handlers/audit/summary';

// The round's history reads as sentences: bids by their reference, stage moves with their stage.

describe("the history's sentences", () => {
  const refOf = (id: number) => (id === 13 ? 'SS5' : null);

  it('names a bid by its reference, not the record’s internal number', () => {
    expect(summarise('assessment:score', { bidId: 13, scores: [] }, refOf)).toBe('Saved scores: SS5');
    expect(summarise('assessment:score', { bidId: 99 }, refOf)).toBe('Saved scores: bid 99');
  });

  it('says where a round moved, and why when it went back', () => {
    expect(summarise('rounds:setStage', { roundId: 1, to: 'board' }, refOf)).toBe(
      'Moved the round: to board review',
    );
    expect(
      summarise('rounds:setStage', { roundId: 1, to: 'open', reason: 'A late bid from Wrexham' }, refOf),
    ).toBe('Moved the round: to open for bids, reason: A late bid from Wrexham');
  });
});
