// Why a bid was not funded, in the plain words its decline letter gives. The checks run in the
// order a panel meets them: eligibility first, then quality, then the board, then the money.

export interface DeclineFacts {
  withdrawn: boolean;
  failedGateway: boolean;
  belowMinimum: boolean;
  belowThreshold: boolean;
  /** Its weighted score (0–100) and the fund's quality threshold, when scored and set. */
  score: number | null;
  threshold: number | null;
  /** The board recorded views on it and none supported it. */
  boardAgainst: boolean;
  boardName: string | null;
  /** Its place in the ranking, when ranked. */
  rank: number | null;
}

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

export function declineReason(facts: DeclineFacts): string {
  if (facts.withdrawn) return 'The bid was withdrawn before the decision, so it was not considered further.';
  if (facts.failedGateway)
    return 'The bid did not pass the fund’s eligibility gateway, so it could not be funded from it.';
  if (facts.belowMinimum)
    return 'The bid scored below the minimum the fund sets on one of its key criteria, so it could not be funded.';
  if (facts.belowThreshold)
    return (
      `The bid’s overall score${facts.score === null ? '' : ` of ${facts.score.toFixed(1)}`} was below the ` +
      `fund’s quality threshold${facts.threshold === null ? '' : ` of ${facts.threshold}`}, so it could not be funded.`
    );
  if (facts.boardAgainst) {
    const name = facts.boardName?.trim() ?? '';
    const who = name === '' ? 'The board' : /^the\s/i.test(name) ? name : `The ${name}`;
    return `${who} did not support the bid when it reviewed the shortlist.`;
  }
  return facts.rank === null
    ? 'The money available was fully allocated to other bids before this one could be funded.'
    : `The bid ranked ${ordinal(facts.rank)}, and the money available ran out before its place in the ranking.`;
}
