import type { Role } from './people';

// Blind scoring, as one rule for every path that shows a score, a justification, a weighted total,
// a rank or a rank order (replies, documents, the History, the command line). Others' scores for
// a bid reach an assessor only once they have submitted their own for it, and never for a bid
// they declared a conflict in. Scores side by side across bids (the ranking and everything drawn
// from it) are for lead officers, board members and the commissioner, and a lead officer who also
// assesses sees them only once every sheet of theirs is submitted, without their conflicted bids.

/** Those who may see scores side by side, subject to their own sheets. */
export const SEES_SCORES_SIDE_BY_SIDE: readonly Role[] = ['lead_officer', 'board_member', 'commissioner'];

/** What the rule needs to know about the person looking, in one round. */
export interface ScoreViewer {
  name: string;
  role: Role;
  /** Bids assigned to them that they have neither submitted nor declared a conflict in (refs). */
  unsubmitted: readonly string[];
  /** Bids they submitted their own scores for. */
  submitted: ReadonlySet<number>;
  /** Bids they declared a conflict of interest in. */
  conflicted: ReadonlySet<number>;
}

export interface ScoreVisibility {
  /** Whether the ranking (ranks, rank order, weighted totals, scores side by side) may be shown. */
  readonly ranking: boolean;
  /** Whether others' scores and justifications for this bid may be shown. */
  bid(bidId: number): boolean;
  /** Whether every bid's scores may be shown (no conflict either): needed for a whole rank order. */
  readonly everyBid: boolean;
  /** Why the ranking is withheld, as a refusal ending "… before you see <what>"; null when shown. */
  withheld(what: string): string | null;
}

/** The rule. `viewer` is null when nobody is acting: nothing is shown. */
export function scoreVisibility(viewer: ScoreViewer | null): ScoreVisibility {
  const panel = viewer !== null && SEES_SCORES_SIDE_BY_SIDE.includes(viewer.role);
  const pending = viewer?.unsubmitted ?? [];
  const ranking = panel && pending.length === 0;
  const conflicted = viewer?.conflicted ?? new Set<number>();
  return {
    ranking,
    everyBid: ranking && conflicted.size === 0,
    bid: (bidId) => viewer !== null && !conflicted.has(bidId) && (ranking || viewer.submitted.has(bidId)),
    withheld: (what) => {
      if (ranking) return null;
      if (!viewer) return `Choose your profile before you see ${what}`;
      if (!panel)
        return `Only a lead officer, board member or commissioner can see ${what}; ${viewer.name} is not one`;
      return (
        `${viewer.name} is an assessor and has not submitted scores for ${pending.slice(0, 10).join(', ')}: ` +
        `submit them before you see ${what}`
      );
    },
  };
}
