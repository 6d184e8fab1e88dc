import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestAllocation, type SuggestBid } from '../../shared/suggest';

/** Every combination of none/reduced/full, for checking the search on small rounds. */
function bruteForce(bids: SuggestBid[], available: number): number {
  let best = 0;
  const walk = (i: number, room: number, value: number) => {
    if (i === bids.length) {
      best = Math.max(best, value);
      return;
    }
    const b = bids[i]!;
    walk(i + 1, room, value);
    if (b.requestedPence <= room) walk(i + 1, room - b.requestedPence, value + b.weightedScore);
    if (b.reducedPence !== null && b.reducedPence < b.requestedPence && b.reducedPence <= room)
      walk(i + 1, room - b.reducedPence, value + (b.weightedScore * b.reducedPence) / b.requestedPence);
  };
  walk(0, available, 0);
  return best;
}

const bidArbitrary = fc.record({
  weightedScore: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 100),
  requestedPence: fc.integer({ min: 1, max: 200 }).map((n) => n * 50_000),
  reducedShare: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
});

describe('suggested allocation', () => {
  it(
    'matches brute force on random small rounds, never exceeds the money, and leaves nothing that would ' +
      'still fit',
    () => {
      fc.assert(
        fc.property(
          fc.array(bidArbitrary, { minLength: 0, maxLength: 9 }),
          fc.integer({ min: 0, max: 400 }).map((n) => n * 50_000),
          (raw, available) => {
            const bids: SuggestBid[] = raw.map((b, i) => ({
              bidId: i + 1,
              ref: `B${i + 1}`,
              weightedScore: b.weightedScore,
              requestedPence: b.requestedPence,
              reducedPence:
                b.reducedShare === null ? null : Math.floor((b.requestedPence * b.reducedShare) / 100),
            }));
            const result = suggestAllocation(bids, available);
            expect(result.allocatedPence).toBeLessThanOrEqual(available);
            expect(result.value).toBeCloseTo(bruteForce(bids, available), 6);
            const remaining = available - result.allocatedPence;
            for (const bid of bids.filter((b) => !result.items.some((i) => i.bidId === b.bidId))) {
              expect(
                bid.requestedPence > remaining &&
                  (bid.reducedPence === null || bid.reducedPence > remaining || bid.reducedPence <= 0),
              ).toBe(true);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('funds the 2013 round within £320,000, taking Birmingham\u2019s reduction where that earns more', () => {
    const bids: SuggestBid[] = [
      { bidId: 1, ref: 'B2', weightedScore: 73, requestedPence: 9_500_000, reducedPence: 7_500_000 },
      { bidId: 2, ref: 'SS4', weightedScore: 73, requestedPence: 3_800_000, reducedPence: null },
      { bidId: 3, ref: 'B1', weightedScore: 70.67, requestedPence: 10_000_000, reducedPence: 9_000_000 },
      { bidId: 4, ref: 'C1', weightedScore: 69, requestedPence: 3_500_000, reducedPence: null },
      { bidId: 5, ref: 'S1', weightedScore: 60.33, requestedPence: 5_000_000, reducedPence: null },
    ];
    const result = suggestAllocation(bids, 32_000_000);
    expect(result.allocatedPence).toBeLessThanOrEqual(32_000_000);
    expect(result.value).toBeCloseTo(bruteForce(bids, 32_000_000), 9);
  });
});
