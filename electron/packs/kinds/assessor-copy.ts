import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import type { HandlerContext } from '../../handlers/context';
import { Refusal } from '../../handlers/refusal';
import type { AssessorPayload } from './assessor-payload';
import { bidContent, roundContent, writeBidCopy, writeRoundCopy } from './round-copy';

// The assessor pack's content: at the office, what one assessor needs of a round to assess it
// offline; on their laptop, the round copy made (or brought up to date) from it.

/** Office: the round, its framework and plan, and the bids assigned to `assessor`, in full. */
export function assessorContent(ctx: HandlerContext, round: Round, assessor: Person): AssessorPayload {
  const content = roundContent(ctx, round);
  if (!content.framework)
    throw new Refusal('conflict', 'This round has no scoring framework yet: choose a template first');
  const assigned = ctx.store.scoring
    .assignmentsForRound(round.id)
    .filter((a) => a.personId === assessor.id)
    .map((a) => a.bidId);
  if (assigned.length === 0)
    throw new Refusal(
      'invalid_input',
      `${assessor.name} is not assigned to any bid of "${round.name}": assign them first`,
    );
  return { ...content, framework: content.framework, bids: assigned.map((id) => bidContent(ctx, id)) };
}

/**
 * Recipient: writes the round copy (`copyId` null: a new one) at the assessment stage, with the
 * bids assigned to `assessor`. Bids no longer in the pack lose the assignment; the assessor's own
 * declarations and scores are never touched.
 */
export function writeAssessorCopy(
  ctx: HandlerContext,
  payload: AssessorPayload,
  copyId: number | null,
  assessor: Person,
): { roundId: number; bids: number; attachments: number } {
  const copy = writeRoundCopy(ctx, payload, copyId, 'assessment');
  let attachments = 0;
  const ids = payload.bids.map((bid) => {
    const { bidId, files } = writeBidCopy(ctx, copy, bid);
    attachments += files;
    ctx.store.scoring.assign(bidId, assessor.id, ctx.now());
    return bidId;
  });
  const kept = new Set(ids);
  for (const a of ctx.store.scoring.assignmentsForRound(copy.roundId))
    if (a.personId === assessor.id && !kept.has(a.bidId)) ctx.store.scoring.unassign(a.bidId, assessor.id);
  ctx.store.bids.reindex(ctx.store.bids.ids(copy.roundId));
  return { roundId: copy.roundId, bids: ids.length, attachments };
}
