import type { Output } from '../../../shared/contract';
import { filterIndexed, indexText, type TextIndex } from './text-index';

// The board review page's filters: words typed (reference, project, partnership) over both the
// shortlist and the board's bids, and which of the shortlist to show. Pure, for 10,000 bids.

export type ShortlistItem = Output<'shortlist:get'>['items'][number];
export type BoardItem = Output<'board:pack'>[number];

export type ShortlistShow = 'all' | 'in' | 'out' | 'against';

export const SHORTLIST_SHOW_LABELS: Record<ShortlistShow, string> = {
  all: 'All bids',
  in: 'Shortlisted',
  out: 'Not shortlisted',
  against: 'Changed against the rule',
};

const keepers: Record<ShortlistShow, (i: ShortlistItem) => boolean> = {
  all: () => true,
  in: (i) => i.included,
  out: (i) => !i.included,
  against: (i) => i.override !== null,
};

const words = (i: { ref: string; title: string; partnership: string }) =>
  `${i.ref} ${i.title} ${i.partnership}`;

export const indexShortlist = (items: readonly ShortlistItem[]): TextIndex<ShortlistItem> =>
  indexText(items, words);
export const indexBoard = (items: readonly BoardItem[]): TextIndex<BoardItem> => indexText(items, words);

export function filterShortlist(index: TextIndex<ShortlistItem>, text: string, show: ShortlistShow) {
  return filterIndexed(index, text, keepers[show]);
}
