import type { Person, Role } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext } from '../../handlers/context';
import { ensureGrants } from '../../handlers/grants/create';
import { Refusal } from '../../handlers/refusal';
import type { DeliveryPayload, GrantContent } from './delivery-payload';
import { heldInPayload, unreturnedWork } from './delivery-merge';
import { bidContent, roundContent, writeBidCopy, writeRoundCopy } from './round-copy';

// The delivery pack's content: at the office, a signed round's grants as they stand, with the bids
// they fund (their business cases, without the original files); on the officer's laptop, a round
// copy at the signed stage holding those grants, on which due diligence, claims and returns are
// recorded under the same rules as at the office.

/** Office: the round's grants and what each has been through so far. */
// long-function: the copy's content built in the order of the pack's schema
export function deliveryContent(ctx: HandlerContext, round: Round): DeliveryPayload {
  if (round.stage !== 'signed')
    throw new Refusal(
      'conflict',
      `Round "${round.name}" is at ${STAGE_LABELS[round.stage].toLowerCase()}: a delivery pack is made once ` +
        'its decision is signed, for the grants it made',
    );
  ensureGrants(ctx, round.id);
  const rows = ctx.store.grants.forRound(round.id);
  if (rows.length === 0)
    throw new Refusal('conflict', `Round "${round.name}" has no grants: its decision awarded no money`);
  const years = ctx.store.grants.years(round.id);
  const claims = ctx.store.grants.claims(round.id);
  const returns = ctx.store.grants.returns(round.id);
  const everyone = new Map(ctx.store.people.list().map((p) => [p.id, p]));
  const named = new Map<string, Role>();
  const nameOf = (id: number | null): string | null => {
    const person = id === null ? undefined : everyone.get(id);
    if (!person) return null;
    named.set(person.name, person.role);
    return person.name;
  };
  const grants = rows.map(({ grant: g, ref }): GrantContent => ({
    ref,
    awardedPence: g.awardedPence,
    awardedOn: g.awardedOn,
    conditions: g.conditions,
    status: g.status,
    diligence: {
      bankConfirmed: g.bankConfirmed,
      accountableBody: g.accountableBody,
      conflicts: g.conflicts,
      fraudRisk: g.fraudRisk,
      reason: g.fraudReason,
      by: nameOf(g.diligenceBy),
      at: g.diligenceAt,
    },
    agreement: {
      recipientSignedBy: g.recipientSignedBy,
      recipientSignedOn: g.recipientSignedOn,
      officeSignedBy: nameOf(g.officeSignedBy),
      officeSignedOn: g.officeSignedOn,
    },
    years: years
      .filter((y) => y.grantId === g.id)
      .map(({ financialYear, allocationPence }) => ({ financialYear, allocationPence })),
    claims: claims
      .filter((c) => c.grantId === g.id)
      .map((c) => ({
        period: c.period,
        financialYear: c.financialYear,
        amountPence: c.amountPence,
        matchPence: c.matchPence,
        status: c.status,
        recordedBy: nameOf(c.recordedBy) ?? 'unknown',
        recordedAt: c.recordedAt,
        approvedBy: nameOf(c.approvedBy),
        approvedAt: c.approvedAt,
      })),
    returns: returns
      .filter((r) => r.grantId === g.id)
      .map((r) => ({
        dueOn: r.dueOn,
        receivedOn: r.receivedOn,
        spendToDatePence: r.spendToDatePence,
        outputs: r.outputs,
        outcomes: JSON.parse(r.outcomes) as { priority: string; outcome: string }[],
        risks: r.risks,
        narrative: r.narrative,
        rag: r.rag,
        recordedBy: nameOf(r.recordedBy),
      })),
    finalReport: g.finalReport,
    closedOn: g.closedOn,
    clawbackPence: g.clawbackPence,
  }));
  return {
    ...roundContent(ctx, round),
    bids: rows.map((row) => ({ ...bidContent(ctx, row.grant.bidId), attachments: [] })),
    people: [...named].map(([name, role]) => ({ name, role })),
    grants,
  };
}

/**
 * Officer: the round copy at the signed stage with the office's grants. A newer pack replaces them,
 * but never over work recorded here that the office does not yet have: that is refused, named.
 */
// long-function: one transaction from the first check to the last write, so all of it happens or none does
export function writeDeliveryCopy(
  ctx: HandlerContext,
  payload: DeliveryPayload,
  copyId: number | null,
  me: Person,
): { roundId: number; grants: number } {
  if (copyId !== null) {
    const waiting = unreturnedWork(ctx, copyId, me, heldInPayload(payload));
    if (waiting.length > 0)
      throw new Refusal(
        'conflict',
        `Your copy of "${payload.round.name}" holds work your office does not have yet (${waiting.join(', ')}): ` +
          'return it (Return to office, or pack return) and open a delivery pack made after the office ' +
          'received it; nothing was changed',
      );
  }
  const copy = writeRoundCopy(ctx, payload, copyId, 'signed');
  for (const bid of payload.bids) writeBidCopy(ctx, copy, bid);
  ctx.store.bids.reindex(ctx.store.bids.ids(copy.roundId));
  const damaged = (what: string) =>
    new Refusal('invalid_input', `The delivery pack is damaged (${what}); nothing was changed`);
  const people = new Map(payload.people.map((p) => [p.name.toLowerCase(), p]));
  const idOf = (name: string | null): number | null => {
    if (name === null) return null;
    const found = ctx.store.people.findByName(name);
    if (found) return found.id;
    const person = people.get(name.toLowerCase());
    if (!person) throw damaged(`${name} is not among its people`);
    return ctx.store.people.create(person.name, person.role, ctx.now());
  };
  const now = ctx.now();
  for (const g of payload.grants) {
    const bid = ctx.store.bids.findByRef(copy.roundId, g.ref);
    if (!bid) throw damaged(`grant ${g.ref} has no bid`);
    const values = {
      awardedPence: g.awardedPence,
      awardedOn: g.awardedOn,
      conditions: g.conditions,
      status: g.status,
      bankConfirmed: g.diligence.bankConfirmed,
      accountableBody: g.diligence.accountableBody,
      conflicts: g.diligence.conflicts,
      fraudRisk: g.diligence.fraudRisk,
      fraudReason: g.diligence.reason,
      diligenceBy: idOf(g.diligence.by),
      diligenceAt: g.diligence.at,
      recipientSignedBy: g.agreement.recipientSignedBy,
      recipientSignedOn: g.agreement.recipientSignedOn,
      officeSignedBy: idOf(g.agreement.officeSignedBy),
      officeSignedOn: g.agreement.officeSignedOn,
      finalReport: g.finalReport,
      closedOn: g.closedOn,
      clawbackPence: g.clawbackPence,
      updatedAt: now,
    };
    const held = ctx.store.grants.byBid(bid.id);
    const grantId =
      held?.id ??
      ctx.store.grants.insert({
        roundId: copy.roundId,
        bidId: bid.id,
        noticeId: null,
        createdAt: now,
        ...values,
      });
    if (held) ctx.store.grants.update(grantId, values);
    ctx.store.grants.replaceYears(grantId, g.years);
    ctx.store.grants.clearDelivery(grantId);
    for (const { recordedBy, approvedBy, ...claim } of g.claims)
      ctx.store.grants.addClaim({
        grantId,
        ...claim,
        recordedBy: idOf(recordedBy)!,
        approvedBy: idOf(approvedBy),
      });
    for (const { recordedBy, outcomes, ...r } of g.returns)
      ctx.store.grants.saveReturn({
        grantId,
        ...r,
        outcomes: JSON.stringify(outcomes),
        recordedBy: idOf(recordedBy),
      });
  }
  return { roundId: copy.roundId, grants: payload.grants.length };
}
