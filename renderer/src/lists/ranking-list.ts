import type { RankingRowView } from '../../../shared/assessment';
import { filterIndexed, indexText, type TextIndex } from './text-index';

// The ranking page's filter: words typed (reference, project, partnership) and which bids to show.
// Pure, so it can be tested and timed on 10,000 bids without a browser.

export type RankingShow = 'all' | 'marked' | 'moderation' | 'checks';

export const RANKING_SHOW_LABELS: Record<RankingShow, string> = {
  all: 'All bids',
  marked: 'Marked (gateway, minimum or threshold)',
  moderation: 'Moderation open',
  checks: 'With checks or open queries',
};

export function indexRanking(rows: readonly RankingRowView[]): TextIndex<RankingRowView> {
  return indexText(rows, (r) => `${r.ref} ${r.title} ${r.partnership}`);
}

const keepers: Record<RankingShow, (r: RankingRowView) => boolean> = {
  all: () => true,
  marked: (r) => r.failedGateway || r.belowMinimum || r.belowThreshold,
  moderation: (r) => r.moderationOpen,
  checks: (r) => r.checks.length > 0 || r.openQueries.length > 0,
};

export function filterRanking(
  index: TextIndex<RankingRowView>,
  text: string,
  show: RankingShow,
): RankingRowView[] {
  return filterIndexed(index, text, keepers[show]);
}
