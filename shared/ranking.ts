// The ranking, exactly as documented in the README and shown in the app:
//   for each criterion take the moderated score if there is one, else the mean of the submitted
//   scores of assessors without a conflict; normalise to 0–1 as (score − min) / (max − min);
//   multiply by the weight (in percent); sum. That gives a weighted score from 0 to 100.
// A gateway passes only if its value is the top of the pass/fail scale (1: every assessor passed
// it, or moderation passed it). A bid that fails a gateway, misses a criterion's minimum or falls
// below the overall threshold is marked and ranked after all others; bids not yet fully scored
// come last. Bids with the same weighted score in the same group share a rank (two at 81.33 in
// second place are both 2nd, shown "=2", and the next is 4th); they are listed by reference. A
// bid is fully scored when every criterion has a value and every assessor expected (assigned,
// without a conflict) has submitted.

export interface RankCriterion {
  id: number;
  code: string;
  weight: number;
  minScore: number | null;
  gateway: boolean;
}

export interface RankFramework {
  scaleMin: number;
  scaleMax: number;
  threshold: number | null;
  criteria: RankCriterion[];
}

export interface RankBid {
  bidId: number;
  ref: string;
  /** Submitted scores of assessors without a conflict: criterion id → scores. */
  scores: Map<number, number[]>;
  moderated: Map<number, number>;
  assessorCount: number;
  /** Assessors expected to score it (assigned, without a conflict); defaults to those who did. */
  assessorsExpected?: number;
}

export interface CriterionResult {
  code: string;
  /** The value used: moderated, else the mean; null when nobody has scored it. */
  value: number | null;
  moderated: boolean;
  scores: number[];
  normalised: number | null;
  contribution: number | null;
}

export interface RankedBid {
  rank: number;
  bidId: number;
  ref: string;
  weightedScore: number | null;
  assessorCount: number;
  assessorsExpected: number;
  failedGateway: boolean;
  belowMinimum: boolean;
  belowThreshold: boolean;
  complete: boolean;
  criteria: CriterionResult[];
}

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

export function scoreBid(framework: RankFramework, bid: RankBid): Omit<RankedBid, 'rank'> {
  const span = framework.scaleMax - framework.scaleMin;
  let total = 0;
  let complete = true;
  let failedGateway = false;
  let belowMinimum = false;
  const criteria = framework.criteria.map((criterion): CriterionResult => {
    const scores = bid.scores.get(criterion.id) ?? [];
    const moderatedValue = bid.moderated.get(criterion.id);
    const value = moderatedValue ?? mean(scores);
    if (value === null) {
      complete = false;
      return {
        code: criterion.code,
        value: null,
        moderated: false,
        scores,
        normalised: null,
        contribution: null,
      };
    }
    if (criterion.gateway) {
      if (value < 1) failedGateway = true;
      return {
        code: criterion.code,
        value,
        moderated: moderatedValue !== undefined,
        scores,
        normalised: null,
        contribution: null,
      };
    }
    if (criterion.minScore !== null && value < criterion.minScore) belowMinimum = true;
    const normalised = (value - framework.scaleMin) / span;
    const contribution = normalised * criterion.weight;
    total += contribution;
    return {
      code: criterion.code,
      value,
      moderated: moderatedValue !== undefined,
      scores,
      normalised,
      contribution,
    };
  });
  const assessorsExpected = Math.max(bid.assessorsExpected ?? 0, bid.assessorCount);
  if (bid.assessorCount < assessorsExpected) complete = false;
  const weightedScore = complete ? twoDecimals(total) : null;
  return {
    bidId: bid.bidId,
    ref: bid.ref,
    weightedScore,
    assessorCount: bid.assessorCount,
    assessorsExpected,
    failedGateway,
    belowMinimum,
    belowThreshold:
      weightedScore !== null && framework.threshold !== null && weightedScore < framework.threshold,
    complete,
    criteria,
  };
}

// Made on first use: the first Intl object of a process loads ICU's locale data (about 15 ms), which a
// command that never ranks should not pay at start-up.
let collator: Intl.Collator | undefined;
const byRef = (a: string, b: string) =>
  (collator ??= new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' })).compare(a, b);

export function rankBids(framework: RankFramework, bids: RankBid[]): RankedBid[] {
  const scored = bids.map((bid) => scoreBid(framework, bid));
  const tier = (b: Omit<RankedBid, 'rank'>) =>
    !b.complete ? 2 : b.failedGateway || b.belowMinimum || b.belowThreshold ? 1 : 0;
  return scored
    .sort(
      (a, b) => tier(a) - tier(b) || (b.weightedScore ?? -1) - (a.weightedScore ?? -1) || byRef(a.ref, b.ref),
    )
    .reduce<RankedBid[]>((ranked, bid, index) => {
      const previous = ranked[index - 1];
      const tied =
        previous !== undefined &&
        tier(previous) === tier(bid) &&
        bid.weightedScore !== null &&
        previous.weightedScore !== null &&
        Math.abs(bid.weightedScore - previous.weightedScore) < 1e-9;
      ranked.push({ ...bid, rank: tied ? previous.rank : index + 1 });
      return ranked;
    }, []);
}

/** The ranks held by more than one bid. */
export function sharedRanks(ranks: readonly number[]): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const rank of ranks) (seen.has(rank) ? shared : seen).add(rank);
  return shared;
}

/** A rank as people write it: "=2" when it is shared, "2" when not. */
export function rankText(rank: number, shared: ReadonlySet<number>): string {
  return shared.has(rank) ? `=${rank}` : String(rank);
}

/** Largest minus smallest of the scores given, or 0. */
export function spread(values: number[]): number {
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}
