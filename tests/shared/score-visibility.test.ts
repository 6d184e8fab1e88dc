import { describe, expect, it } from 'vitest';
import { scoreVisibility, type ScoreViewer } from '../../shared/score-visibility';

const viewer = (over: Partial<ScoreViewer>): ScoreViewer => ({
  name: 'Lee Lead',
  role: 'lead_officer',
  unsubmitted: [],
  submitted: new Set(),
  conflicted: new Set(),
  ...over,
});

describe('the blind-scoring rule', () => {
  it('shows nothing when nobody is acting', () => {
    const v = scoreVisibility(null);
    expect([v.ranking, v.everyBid, v.bid(1)]).toEqual([false, false, false]);
    expect(v.withheld('the ranking')).toContain('Choose your profile');
  });

  it('shows an assessor others\u2019 scores only for the bids they submitted, and never the ranking', () => {
    const v = scoreVisibility(viewer({ name: 'Amy', role: 'policy_officer', submitted: new Set([2]) }));
    expect([v.bid(1), v.bid(2), v.ranking]).toEqual([false, true, false]);
    expect(v.withheld('the ranking')).toBe(
      'Only a lead officer, board member or commissioner can see the ranking; Amy is not one',
    );
  });

  it('keeps the ranking from a lead officer until their own sheets are in, naming them', () => {
    const v = scoreVisibility(viewer({ unsubmitted: ['A1', 'A4'], submitted: new Set([2]) }));
    expect([v.ranking, v.bid(1), v.bid(2)]).toEqual([false, false, true]);
    expect(v.withheld('the ranking')).toBe(
      'Lee Lead is an assessor and has not submitted scores for A1, A4: submit them before you see the ranking',
    );
  });

  it('never shows a bid someone declared a conflict in, nor the whole rank order', () => {
    const v = scoreVisibility(viewer({ conflicted: new Set([2]), submitted: new Set([2]) }));
    expect([v.ranking, v.everyBid, v.bid(1), v.bid(2)]).toEqual([true, false, true, false]);
    expect(v.withheld('the ranking')).toBeNull();
  });
});
