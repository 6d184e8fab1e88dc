import { awardable, awardProblems } from '../../shared/awardable';
import { formatMoney } from '../../shared/money';
import type { RoundPage } from '../../shared/readiness';
import type { ReadContext } from './context';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// A decision sound enough to sign: the money adds up, no award exceeds its request or goes to a
// bid that cannot be funded, and every assigned assessor has scored every bid, or has a recorded
// reason not to (a declared conflict, or the bid withdrawn or found ineligible with a reason).

export interface DecisionProblem {
  message: string;
  /** Where to put it right. */
  page: RoundPage;
  fix: string;
}

/** The problems, each with the page where it is put right (for the readiness list). */
export function decisionProblemList(ctx: ReadContext, roundId: number): DecisionProblem[] {
  const round = mustGetRound(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId);
  const items = ctx.store.allocation.items(roundId);
  const problems: DecisionProblem[] = [];
  const money = (message: string) =>
    problems.push({ message, page: 'allocation', fix: 'Change the allocation' });
  if (items.length === 0) money('the allocation is empty: there is no decision to sign');
  const allocated = items.reduce((sum, i) => sum + i.amountPence, 0);
  if (allocated > round.availablePence)
    money(
      `${formatMoney(allocated)} is allocated against ${formatMoney(round.availablePence)} available ` +
        `(${formatMoney(allocated - round.availablePence)} too much)`,
    );
  const bidOf = new Map(bids.map((b) => [b.id, b]));
  for (const item of items) {
    const bid = bidOf.get(item.bidId);
    if (bid) awardProblems(bid, item.amountPence).forEach(money);
  }
  const submitted = new Set(
    ctx.store.scoring.submissionsForRound(roundId).map((s) => `${s.bidId}:${s.personId}`),
  );
  const conflicted = new Set(
    ctx.store.scoring
      .declarationsForRound(roundId)
      .filter((d) => d.conflict)
      .map((d) => `${d.bidId}:${d.personId}`),
  );
  const excused = new Set(bids.filter((b) => !awardable(b)).map((b) => b.id));
  for (const a of ctx.store.scoring.assignmentsForRound(roundId)) {
    const key = `${a.bidId}:${a.personId}`;
    if (excused.has(a.bidId) || submitted.has(key) || conflicted.has(key)) continue;
    const ref = bidOf.get(a.bidId)?.ref ?? String(a.bidId);
    problems.push({
      message: `${a.person} has not submitted scores for ${ref}`,
      page: 'assessment',
      fix: 'See the scoring',
    });
  }
  return problems;
}

export const decisionProblems = (ctx: ReadContext, roundId: number): string[] =>
  decisionProblemList(ctx, roundId).map((p) => p.message);

/** Refuses to go on (sign, or send for sign-off) while the decision has any problem. */
export function assertSoundDecision(ctx: ReadContext, roundId: number, doing: string) {
  const problems = decisionProblems(ctx, roundId);
  if (problems.length > 0)
    throw new Refusal(
      'conflict',
      `The decision cannot be ${doing} yet: ${problems.slice(0, 8).join('; ')}` +
        (problems.length > 8 ? ` (and ${problems.length - 8} more)` : ''),
      problems.map((message) => ({ path: '', message })),
    );
}
