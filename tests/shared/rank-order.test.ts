import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departuresFor } from '../../shared/departures';
import { ordinal, smallestOption, suggestInRankOrder, type RankOrderBid } from '../../shared/rank-order';

const roundArbitrary = fc.record({
  bids: fc.array(
    fc.record({
      requestedPence: fc.integer({ min: 1, max: 200 }).map((n) => n * 50_000),
      reducedShare: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    }),
    { maxLength: 12 },
  ),
  availablePence: fc.integer({ min: 0, max: 600 }).map((n) => n * 50_000),
});

function toBids(raw: { requestedPence: number; reducedShare: number | null }[]): RankOrderBid[] {
  return raw.map((b, i) => ({
    bidId: i + 1,
    ref: `B${i + 1}`,
    rank: i + 1,
    requestedPence: b.requestedPence,
    // Shares over 100 make "reductions" above the request, which must be ignored.
    reducedPence: b.reducedShare === null ? null : Math.floor((b.requestedPence * b.reducedShare) / 100),
  }));
}

describe('the rank-order suggestion', () => {
  it(
    'never exceeds the money or a request, and never leaves out a bid that fits while funding a ' +
      'lower-ranked one',
    () => {
      fc.assert(
        fc.property(roundArbitrary, ({ bids: raw, availablePence }) => {
          const bids = toBids(raw);
          const result = suggestInRankOrder(bids, availablePence);
          const amount = new Map(result.items.map((i) => [i.bidId, i.amountPence]));
          const total = result.items.reduce((s, i) => s + i.amountPence, 0);
          expect(total).toBe(result.allocatedPence);
          expect(total).toBeLessThanOrEqual(availablePence);
          const left = availablePence - total;
          for (const bid of bids) {
            const given = amount.get(bid.bidId) ?? 0;
            expect(given).toBeLessThanOrEqual(bid.requestedPence);
            if (given > 0) expect([bid.requestedPence, bid.reducedPence]).toContain(given);
            // A reduced award is raised whenever the remainder allows.
            if (given > 0 && given < bid.requestedPence)
              expect(bid.requestedPence - given).toBeGreaterThan(left);
            if (given > 0) continue;
            // Left out: it does not fit in what is left, and would not fit even if every
            // lower-ranked bid's award were taken back to make room.
            expect(smallestOption(bid)).toBeGreaterThan(left);
            const givenBelow = bids
              .filter((b) => b.rank > bid.rank)
              .reduce((sum, b) => sum + (amount.get(b.bidId) ?? 0), 0);
            expect(smallestOption(bid)).toBeGreaterThan(left + givenBelow);
            expect(result.excluded.map((e) => e.ref)).toContain(bid.ref);
          }
          // What it suggests is never a departure from the ranking.
          const ranking = bids.map((b) => ({
            ...b,
            complete: true,
            failedGateway: false,
            belowMinimum: false,
            belowThreshold: false,
          }));
          expect(departuresFor(ranking, result.items, availablePence).size).toBe(0);
        }),
        { numRuns: 500 },
      );
    },
  );

  it('says in plain words why a bid is left out', () => {
    const result = suggestInRankOrder(
      [
        { bidId: 1, ref: 'B2', rank: 1, requestedPence: 28_476_000, reducedPence: null },
        { bidId: 2, ref: 'B1', rank: 3, requestedPence: 10_000_000, reducedPence: 9_000_000 },
      ],
      32_000_000,
    );
    expect(result.excluded).toEqual([
      {
        bidId: 2,
        ref: 'B1',
        reason: 'ranked 3rd; its £100,000, or £90,000 reduced, does not fit in the £35,240 left',
      },
    ]);
  });

  it('takes the reduction where the full amount does not fit, and goes on past a bid that fits neither way', () => {
    const bids: RankOrderBid[] = [
      { bidId: 1, ref: 'A', rank: 1, requestedPence: 130, reducedPence: 60 },
      { bidId: 2, ref: 'B', rank: 2, requestedPence: 80, reducedPence: null },
      { bidId: 3, ref: 'C', rank: 3, requestedPence: 50, reducedPence: null },
    ];
    expect(suggestInRankOrder(bids, 120).items).toEqual([
      { bidId: 1, ref: 'A', option: 'reduced', amountPence: 60 },
      { bidId: 3, ref: 'C', option: 'full', amountPence: 50 },
    ]);
    expect(suggestInRankOrder(bids, 260).items.map((i) => i.option)).toEqual(['full', 'full', 'full']);
  });

  it('writes ordinals in English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});

describe('departures from the ranking', () => {
  const ranked = (ref: string, rank: number, requestedPence: number, extra = {}) => ({
    bidId: rank,
    ref,
    rank,
    requestedPence,
    reducedPence: null,
    complete: true,
    failedGateway: false,
    belowMinimum: false,
    belowThreshold: false,
    ...extra,
  });
  it('names an award out of rank order, and one below the threshold', () => {
    const ranking = [ranked('B2', 1, 9_500_000), ranked('C1', 2, 3_500_000), ranked('SS2', 3, 100, {})];
    ranking[2] = { ...ranking[2]!, belowThreshold: true };
    const departures = departuresFor(
      ranking,
      [
        { bidId: 2, amountPence: 3_500_000 },
        { bidId: 3, amountPence: 100 },
      ],
      10_000_000,
    );
    expect(departures.get(2)).toEqual([
      'C1 (ranked 2nd) is funded while B2 (ranked 1st) gets nothing, though its £95,000 would fit',
    ]);
    expect(departures.get(3)).toEqual(['SS2 is below the quality threshold']);
  });
  it('does not count passing over a bid that would not fit anyway', () => {
    const ranking = [ranked('B2', 1, 9_500_000), ranked('C1', 2, 3_500_000), ranked('W2', 3, 1_000_000)];
    const items = [
      { bidId: 2, amountPence: 3_500_000 },
      { bidId: 3, amountPence: 1_000_000 },
    ];
    expect(departuresFor(ranking, items, 5_000_000).size).toBe(0);
    // With £95,000 available, B2 would fit in place of both: both then depart.
    expect([...departuresFor(ranking, items, 9_500_000).keys()]).toEqual([2, 3]);
  });
});
