import type { ParsedInput } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import { parsePeriod } from '../../../shared/grants';
import type { Person } from '../../../shared/people';
import { formatMoney } from '../../../shared/money';
import { ruleFor } from '../../../shared/rule-book';
import { actingPerson } from '../actor';
import type { HandlerContext } from '../context';
import { fieldRefusal, notFound, Refusal } from '../refusal';
import { diligenceComplete, grantOf, today } from './view';
import { mustBeOpen, writableGrant } from './writable';

// Claims paid in arrears: recorded against a quarter that has ended, within what remains of the
// award and of that financial year's money (none carries over), once due diligence is complete;
// then approved, and so paid, by someone other than whoever recorded it.

/** Records a claim as the acting person, or as `by` (a claim recorded away from the office, received in a pack). */
export function addClaim(ctx: HandlerContext, input: ParsedInput<'claims:add'>, by?: Person) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'no more claims can be made on it');
    const g = found.row.grant;
    const s = found.summary;
    if (!diligenceComplete(g))
      throw new Refusal(
        'conflict',
        `Due diligence on grant ${s.ref} is not complete (${missingDiligence(g).join(', ')}): nothing can be ` +
          `claimed or paid before it is (grants diligence --round ${input.roundId} --bid ${s.ref} …)`,
      );
    const period = parsePeriod(input.period)!;
    if (period.end >= today(ctx))
      throw fieldRefusal(
        'conflict',
        'period',
        `${input.period} ends on ${formatDate(period.end)}: grants are paid in arrears, so it can be claimed ` +
          'only once the quarter is over',
      );
    if (period.end < g.awardedOn)
      throw fieldRefusal(
        'conflict',
        'period',
        `${input.period} ended before the grant was awarded on ${formatDate(g.awardedOn)}`,
      );
    const left = g.awardedPence - s.paidPence - s.claimedPence;
    if (input.amountPence > left)
      throw fieldRefusal(
        'conflict',
        'amountPence',
        `${formatMoney(input.amountPence)} is more than what remains of grant ${s.ref}: ${formatMoney(left)} of ` +
          `the ${formatMoney(g.awardedPence)} award (${formatMoney(s.paidPence)} paid, ` +
          `${formatMoney(s.claimedPence)} claimed and awaiting approval)`,
      );
    checkYear(ctx, input, g.id, period.financialYear);
    const bid = found.row;
    if ((bid.matchFundingPence ?? 0) > 0 && input.matchPence === undefined)
      throw fieldRefusal(
        'invalid_input',
        'matchPence',
        `Grant ${s.ref} was awarded with ${formatMoney(bid.matchFundingPence ?? 0)} of match funding: report the ` +
          'match funding spent in the quarter with the claim (--match MONEY, £0 if none)',
      );
    const person = by ?? actingPerson(ctx, 'record a claim');
    const id = ctx.store.grants.addClaim({
      grantId: g.id,
      period: input.period,
      financialYear: period.financialYear,
      amountPence: input.amountPence,
      matchPence: input.matchPence ?? null,
      recordedBy: person.id,
      recordedAt: ctx.now(),
    });
    return { id, status: 'recorded' as const };
  });
}

function checkYear(ctx: HandlerContext, input: ParsedInput<'claims:add'>, grantId: number, fy: string): void {
  const years = ctx.store.grants.years(input.roundId).filter((y) => y.grantId === grantId);
  if (years.length === 0) return;
  const claims = ctx.store.grants.claims(input.roundId).filter((c) => c.grantId === grantId);
  const allocation = years.find((y) => y.financialYear === fy)?.allocationPence ?? 0;
  const claimed = claims.filter((c) => c.financialYear === fy).reduce((sum, c) => sum + c.amountPence, 0);
  const left = allocation - claimed;
  if (input.amountPence <= left) return;
  const unspentBefore = years
    .filter((y) => y.financialYear < fy)
    .map((y) => ({
      fy: y.financialYear,
      unspent:
        y.allocationPence -
        claims.filter((c) => c.financialYear === y.financialYear).reduce((sum, c) => sum + c.amountPence, 0),
    }))
    .filter((y) => y.unspent > 0);
  throw fieldRefusal(
    'conflict',
    'amountPence',
    `${formatMoney(input.amountPence)} is more than the ${formatMoney(Math.max(0, left))} left of ${fy}'s ` +
      `${formatMoney(allocation)}: money cannot be carried over between financial years` +
      (unspentBefore.length > 0
        ? ` (${unspentBefore.map((y) => `${formatMoney(y.unspent)} unclaimed in ${y.fy}`).join(', ')} is lost)`
        : ''),
  );
}

function missingDiligence(g: Parameters<typeof diligenceComplete>[0]): string[] {
  return [
    g.bankConfirmed ? null : 'bank details not confirmed',
    g.accountableBody ? null : 'no accountable body',
    g.fraudRisk && g.fraudReason ? null : 'no fraud risk rating with its reason',
  ].filter((m): m is string => m !== null);
}

export function approveClaim(ctx: HandlerContext, input: ParsedInput<'claims:approve'>) {
  return ctx.store.transaction(() => {
    const claim = ctx.store.grants.claim(input.claimId);
    const grant = claim && ctx.store.grants.forRound(input.roundId).find((g) => g.grant.id === claim.grantId);
    if (!claim || !grant) throw notFound(`Claim ${input.claimId} in round ${input.roundId}`);
    if (claim.status === 'paid')
      throw new Refusal(
        'conflict',
        `Claim ${claim.id} was approved and paid on ${formatDate(claim.approvedAt ?? '')}`,
      );
    const person = actingPerson(ctx, ruleFor('claims:approve').action);
    if (person.id === claim.recordedBy)
      throw new Refusal(
        'forbidden',
        `${person.name} recorded claim ${claim.id}, so cannot approve it: payment needs a second person ` +
          '(another lead officer or the commissioner)',
      );
    const g = grant.grant;
    mustBeOpen(grantOf(ctx, input.roundId, grant.ref), 'nothing more can be paid on it');
    if (!diligenceComplete(g))
      throw new Refusal(
        'conflict',
        `Due diligence on grant ${grant.ref} is not complete (${missingDiligence(g).join(', ')}): nothing can be paid`,
      );
    if (g.status === 'agreement_drafted')
      throw new Refusal(
        'conflict',
        `The agreement for grant ${grant.ref} is not yet signed by both parties: nothing can be paid before it is`,
      );
    ctx.store.grants.payClaim(claim.id, person.id, ctx.now());
    if (g.status === 'agreement_signed')
      ctx.store.grants.update(g.id, { status: 'in_delivery', updatedAt: ctx.now() });
    return { id: claim.id, status: 'paid' as const };
  });
}
