import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import type { HandlerContext } from '../../handlers/context';
import { Refusal } from '../../handlers/refusal';
import type { AssessorPayload } from './assessor-payload';
import { roundContent, writeRoundCopy } from './round-copy';

// The assessor pack's content: at the office, what one assessor needs of a round to assess it
// offline; on their laptop, the round copy made (or brought up to date) from it.

/** Office: the round, its framework and plan, and the bids assigned to `assessor`, in full. */
export function assessorContent(ctx: HandlerContext, round: Round, assessor: Person): AssessorPayload {
  const assigned = new Set(
    ctx.store.scoring
      .assignmentsForRound(round.id)
      .filter((a) => a.personId === assessor.id)
      .map((a) => a.bidId),
  );
  if (assigned.size === 0)
    throw new Refusal(
      'invalid_input',
      `${assessor.name} is not assigned to any bid of "${round.name}": assign them first`,
    );
  return roundContent(ctx, round, assigned);
}

/**
 * Recipient: writes the round copy (`copyId` null: a new one) in the assessment stage, with the
 * bids assigned to `assessor`. Bids no longer in the pack lose the assignment; the assessor's own
 * declarations and scores are never touched.
 */
export function writeAssessorCopy(
  ctx: HandlerContext,
  payload: AssessorPayload,
  copyId: number | null,
  assessor: Person,
): { roundId: number; bids: number; attachments: number } {
  const { roundId, bidIds, attachments } = writeRoundCopy(ctx, payload, copyId, 'assessment');
  const now = ctx.now();
  for (const id of bidIds) ctx.store.scoring.assign(id, assessor.id, now);
  const kept = new Set(bidIds);
  for (const a of ctx.store.scoring.assignmentsForRound(roundId))
    if (a.personId === assessor.id && !kept.has(a.bidId)) ctx.store.scoring.unassign(a.bidId, assessor.id);
  return { roundId, bids: bidIds.length, attachments };
}
