import type { BidStatus, BidSummary } from '../../../shared/bids';
import { filterWords, matchesWords } from './words-match';

// Filtering and sorting a round's bids. Pure, so it can be tested and timed on 10,000 bids without
// a browser.

export interface BidFilter {
  text: string;
  partnershipId: number | null;
  status: BidStatus | null;
  /** `problems`: any problem flag; `clean`: no flags; a flag code: that flag; null: all. */
  flag: string | null;
}

export const emptyBidFilter: BidFilter = { text: '', partnershipId: null, status: null, flag: null };

export type BidSortKey = 'ref' | 'partnership' | 'title' | 'requested' | 'reduced' | 'status' | 'flags';
export interface BidSort {
  key: BidSortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

export function filterBids(bids: BidSummary[], filter: BidFilter): BidSummary[] {
  const words = filterWords(filter.text);
  return bids.filter((bid) => {
    if (filter.partnershipId !== null && bid.partnershipId !== filter.partnershipId) return false;
    if (filter.status !== null && bid.status !== filter.status) return false;
    if (filter.flag === 'problems' && !bid.flags.some((f) => f.severity === 'problem')) return false;
    if (filter.flag === 'clean' && bid.flags.length > 0) return false;
    if (
      filter.flag !== null &&
      filter.flag !== 'problems' &&
      filter.flag !== 'clean' &&
      !bid.flags.some((f) => f.code === filter.flag)
    )
      return false;
    if (!matchesWords(`${bid.ref} ${bid.title} ${bid.partnership}`, words)) return false;
    return true;
  });
}

const sortValue: Record<BidSortKey, (bid: BidSummary) => string | number> = {
  ref: (b) => b.ref,
  partnership: (b) => b.partnership,
  title: (b) => b.title,
  requested: (b) => b.requestedPence,
  reduced: (b) => b.reducedPence ?? b.requestedPence,
  status: (b) => b.status,
  flags: (b) => b.flags.filter((f) => f.severity === 'problem').length * 1000 + b.flags.length,
};

export function sortBids(bids: BidSummary[], sort: BidSort): BidSummary[] {
  const value = sortValue[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...bids].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * (order || collator.compare(a.ref, b.ref));
  });
}
