import { formatDate } from '../../shared/dates';
import type { ParsedInput } from '../../shared/contract';
import { OFFICERS, currentActor } from './actor';
import { personNamed, selectedBidIds } from './assessment-lookup';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal, Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Who assesses which bid, their declarations of interest, and how far assessment has got.

/**
 * The nature of the conflict for each declared bid that has one: every bid when `conflict` is set,
 * otherwise those listed in `conflicts` (each of which must be among the bids being declared).
 */
function conflictsByBid(
  ctx: HandlerContext,
  ids: readonly number[],
  input: ParsedInput<'assessment:declare'>,
): Map<number, string> {
  if (input.conflict) return new Map(ids.map((id) => [id, input.nature ?? '']));
  if ((input.conflicts ?? []).length === 0) return new Map();
  const refOf = refsById(ctx, input.roundId);
  const idOfRef = new Map(ids.map((id) => [refOf.get(id) ?? '', id]));
  const natures = new Map<number, string>();
  for (const { bidRef, nature } of input.conflicts ?? []) {
    const id = idOfRef.get(bidRef);
    if (id === undefined)
      throw fieldRefusal('invalid_input', 'conflicts', `${bidRef} is not among the bids being declared`);
    natures.set(id, nature);
  }
  return natures;
}

/** Every bid's reference in the round, by id, from one query. */
function refsById(ctx: HandlerContext, roundId: number): Map<number, string> {
  return new Map(ctx.store.bids.listForRound(roundId).map((b) => [b.id, b.ref]));
}

export const assessorHandlers = {
  'assessment:assign': (input: ParsedInput<'assessment:assign'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      mustGetOpenRound(ctx, input.roundId);
      const assessor = personNamed(ctx, input.assessor);
      if (!OFFICERS.includes(assessor.role))
        throw new Refusal(
          'invalid_input',
          `${assessor.name} is a ${assessor.role.replace('_', ' ')}: only policy and lead officers assess bids`,
        );
      const retiredAt = ctx.store.people.get(assessor.id)?.retiredAt;
      if (retiredAt && !input.remove)
        throw new Refusal(
          'conflict',
          `${assessor.name} retired on ${formatDate(retiredAt)}: a retired person cannot be assigned to assess bids`,
        );
      const ids = selectedBidIds(ctx, input.roundId, input);
      const now = ctx.now();
      for (const id of ids) {
        if (input.remove) ctx.store.scoring.unassign(id, assessor.id);
        else ctx.store.scoring.assign(id, assessor.id, now);
      }
      const perBid = new Map<number, number>();
      for (const a of ctx.store.scoring.assignmentsForRound(input.roundId))
        perBid.set(a.bidId, (perBid.get(a.bidId) ?? 0) + 1);
      const fewer = ctx.store.bids
        .listForRound(input.roundId)
        .filter((b) => (perBid.get(b.id) ?? 0) < 2)
        .map((b) => b.ref);
      return {
        changed: ids.length,
        warnings:
          fewer.length > 0
            ? [
                `${fewer.length} ${fewer.length === 1 ? 'bid has' : 'bids have'} fewer than two assessors: ` +
                  `${fewer.slice(0, 20).join(', ')}${fewer.length > 20 ? '…' : ''}`,
              ]
            : [],
      };
    }),

  'assessment:declare': (input: ParsedInput<'assessment:declare'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      if (!actor) throw new Refusal('forbidden', 'Set up your profile before declaring');
      const assessor = input.assessor ? personNamed(ctx, input.assessor) : actor;
      if (assessor.id !== actor.id && actor.role !== 'lead_officer')
        throw new Refusal(
          'forbidden',
          `Only ${assessor.name} or a lead officer can record ${assessor.name}'s declaration`,
        );
      mustGetOpenRound(ctx, input.roundId);
      const ids = selectedBidIds(ctx, input.roundId, input, assessor.id);
      const natureOf = conflictsByBid(ctx, ids, input);
      // The assessor's assignments and standing conflicts are read once for the round, not per bid.
      const assigned = new Set(
        ctx.store.scoring.assignmentsForRound(input.roundId, assessor.id).map((a) => a.bidId),
      );
      const unassigned = ids.find((id) => !assigned.has(id));
      if (unassigned !== undefined)
        throw new Refusal(
          'forbidden',
          `${assessor.name} is not assigned to ${refsById(ctx, input.roundId).get(unassigned) ?? unassigned}`,
        );
      // A conflict once declared stands: withdrawing it is the lead officer's act, with a reason,
      // and the declaration it replaces stays in the history.
      const conflicted = new Set(
        ctx.store.scoring.conflictsForRound(input.roundId, assessor.id).map((d) => d.bidId),
      );
      const withdrawn = new Set(ids.filter((id) => !natureOf.has(id) && conflicted.has(id)));
      if (withdrawn.size > 0) {
        const refOf = refsById(ctx, input.roundId);
        const refs = [...withdrawn].map((id) => refOf.get(id) ?? String(id)).join(', ');
        if (actor.role !== 'lead_officer')
          throw new Refusal(
            'forbidden',
            `${assessor.name} declared a conflict of interest in ${refs}: only a lead officer can withdraw it`,
          );
        if (!input.reason)
          throw fieldRefusal(
            'invalid_input',
            'reason',
            `Give the reason for withdrawing ${assessor.name}'s conflict of interest in ${refs}`,
          );
      }
      ctx.store.scoring.saveDeclarations(
        ids.map((bidId) => ({
          bidId,
          conflict: natureOf.has(bidId),
          nature: natureOf.get(bidId) ?? null,
          reason: withdrawn.has(bidId) ? (input.reason ?? null) : null,
        })),
        assessor.id,
        ctx.now(),
        actor.id,
      );
      return { declared: ids.length };
    }),
  'assessment:progress': (input: ParsedInput<'assessment:progress'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    const assignments = ctx.store.scoring.assignmentsForRound(input.roundId);
    const declarations = ctx.store.scoring.declarationsForRound(input.roundId);
    const submissions = ctx.store.scoring.submissionsForRound(input.roundId);
    const peopleIds = [...new Set(assignments.map((a) => a.personId))];
    return {
      assessors: peopleIds.map((personId) => ({
        personId,
        person: assignments.find((a) => a.personId === personId)?.person ?? '',
        assigned: assignments.filter((a) => a.personId === personId).length,
        declared: declarations.filter((d) => d.personId === personId).length,
        conflicts: declarations.filter((d) => d.personId === personId && d.conflict).length,
        submitted: submissions.filter((s) => s.personId === personId).length,
      })),
      bids: ctx.store.bids.listForRound(input.roundId).map((bid) => {
        const assessors = assignments.filter((a) => a.bidId === bid.id);
        const conflicts = declarations.filter((d) => d.bidId === bid.id && d.conflict).length;
        const able = assessors.length - conflicts;
        return {
          bidId: bid.id,
          ref: bid.ref,
          assessors: assessors.map((a) => a.person),
          submitted: submissions.filter((s) => s.bidId === bid.id).length,
          conflicts,
          warning:
            able < 2
              ? `${able} assessor${able === 1 ? '' : 's'} without a conflict: assign at least two`
              : null,
        };
      }),
      declarations: declarations.map(({ ref, person, conflict, nature, declaredAt }) => ({
        ref,
        person,
        conflict,
        nature,
        declaredAt,
      })),
    };
  },
};
