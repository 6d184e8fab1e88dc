import { describe, expect, it } from 'vitest';
import { rankBids, scoreBid, type RankFramework } from '../../shared/ranking';

const framework: RankFramework = {
  scaleMin: 0,
  scaleMax: 5,
  threshold: 50,
  criteria: [
    { id: 1, code: 'G1', weight: 0, minScore: null, gateway: true },
    { id: 2, code: 'C1', weight: 60, minScore: 2, gateway: false },
    { id: 3, code: 'C2', weight: 40, minScore: null, gateway: false },
  ],
};

const bid = (ref: string, c1: number[], c2: number[], g1 = [1, 1], moderated: [number, number][] = []) => ({
  bidId: ref.charCodeAt(0),
  ref,
  scores: new Map([
    [1, g1],
    [2, c1],
    [3, c2],
  ]),
  moderated: new Map(moderated),
  assessorCount: c1.length,
});

describe('ranking', () => {
  it('normalises the mean score of each criterion and weights it', () => {
    // C1 mean 4 → 0.8 × 60 = 48; C2 mean 2.5 → 0.5 × 40 = 20; total 68.
    expect(scoreBid(framework, bid('A', [3, 5], [2, 3]))).toMatchObject({
      weightedScore: 68,
      failedGateway: false,
      belowThreshold: false,
      complete: true,
    });
    // One third of a point: 13/3 → (13/3)/5 × 60 = 52; 3/5 × 40 = 24; 76 exactly.
    expect(scoreBid(framework, bid('B', [4, 4, 5], [3, 3, 3])).weightedScore).toBe(76);
    expect(scoreBid(framework, bid('C', [4, 5, 5], [1, 2, 2])).weightedScore).toBe(69.33);
  });

  it('lets a moderated score stand in place of the mean', () => {
    expect(scoreBid(framework, bid('A', [1, 5], [2, 3], [1, 1], [[2, 4]])).weightedScore).toBe(68);
  });

  it('marks gateway failures, minimums and the threshold, and ranks those bids after the rest', () => {
    const ranked = rankBids(framework, [
      bid('Low', [2, 2], [1, 1]), // 24 + 8 = 32: below threshold
      bid('Fail', [5, 5], [5, 5], [1, 0]), // one assessor failed the gateway
      bid('Min', [1, 1], [5, 5]), // C1 below its minimum of 2
      bid('Top', [5, 4], [4, 4]),
      bid('Mid', [3, 3], [3, 3]),
      { bidId: 99, ref: 'Unscored', scores: new Map(), moderated: new Map(), assessorCount: 0 },
    ]);
    expect(
      ranked.map((r) => [r.rank, r.ref, r.weightedScore, r.failedGateway, r.belowMinimum, r.belowThreshold]),
    ).toEqual([
      [1, 'Top', 86, false, false, false],
      [2, 'Mid', 60, false, false, false],
      [3, 'Fail', 100, true, false, false],
      [4, 'Min', 52, false, true, false],
      [5, 'Low', 32, false, false, true],
      [6, 'Unscored', null, false, false, false],
    ]);
  });
});
