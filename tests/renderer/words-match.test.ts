import { describe, expect, it } from 'vitest';
import { filterBids, emptyBidFilter } from '../../renderer/src/lists/bid-list';
import type { BidSummary } from '../../shared/bids';

const bid = (ref: string, title: string, partnership: string): BidSummary => ({
  id: ref.length,
  roundId: 1,
  ref,
  partnershipId: 1,
  partnership,
  title,
  requestedPence: 100,
  reducedPence: null,
  status: 'received',
  costLinesTotalPence: null,
  flags: [],
});

describe('the bids filter', () => {
  const bids = [
    bid('SS5', 'Ward 3 street marshals', 'Swansea CSP'),
    bid('W2', 'Night bus marshals', 'Wrexham'),
  ];
  const refs = (text: string) => filterBids(bids, { ...emptyBidFilter, text }).map((b) => b.ref);

  it('matches the words typed in any order, across reference, title and partnership', () => {
    expect(refs('marshals ward 3')).toEqual(['SS5']);
    expect(refs('  MARSHALS  ')).toEqual(['SS5', 'W2']);
    expect(refs('wrexham night')).toEqual(['W2']);
    expect(refs('swansea bus')).toEqual([]);
  });
});
