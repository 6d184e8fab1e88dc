import type { ParsedInput } from '../../shared/contract';
import type { FeedbackSummary } from '../../shared/feedback';
import { actingPerson } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { getFramework } from './frameworks';
import { fieldRefusal, notFound, Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Feedback in the office's words for the letters, per bid and criterion. An officer drafts; a lead
// officer approves (a lead officer's own words are approved as written); letters print approved
// words only, so an unapproved draft, or an assessor's own justification, never reaches a bidder.

export function feedbackFor(ctx: ReadContext, roundId: number): FeedbackSummary[] {
  return ctx.store.feedback.forRound(roundId).map((row) => ({
    ref: row.ref,
    criterion: row.criterion,
    text: row.text,
    writtenBy: row.writtenBy,
    approvedBy: row.approvedAt === null ? null : row.approvedBy,
    approved: row.approvedAt !== null,
  }));
}

function bidOf(ctx: HandlerContext, roundId: number, ref: string): number {
  const bid = ctx.store.bids.findByRef(roundId, ref);
  if (!bid) throw notFound(`Bid ${ref} in round ${roundId}`);
  return bid.id;
}

export const feedbackHandlers = {
  'feedback:list': (input: { roundId: number }, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    return feedbackFor(ctx, input.roundId);
  },

  'feedback:set': (input: ParsedInput<'feedback:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = actingPerson(ctx, 'write feedback for the letters');
      const bidId = bidOf(ctx, input.roundId, input.bidRef);
      const codes = (getFramework(ctx, input.roundId)?.criteria ?? []).map((c) => c.code);
      const code = codes.find((c) => c.toLowerCase() === input.criterion.toLowerCase());
      if (!code)
        throw fieldRefusal(
          'invalid_input',
          'criterion',
          `This round's framework has no criterion ${input.criterion}` +
            (codes.length > 0 ? `: use one of ${codes.join(', ')}` : ''),
        );
      if (input.text === '') ctx.store.feedback.remove(bidId, code);
      else {
        const approvedBy = person.role === 'lead_officer' ? person.id : null;
        ctx.store.feedback.set(bidId, code, input.text, person.id, approvedBy, ctx.now());
      }
      return feedbackFor(ctx, input.roundId);
    }),

  'feedback:approve': (input: ParsedInput<'feedback:approve'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const person = actingPerson(ctx, 'approve feedback for the letters');
      const bidId = bidOf(ctx, input.roundId, input.bidRef);
      if (ctx.store.feedback.approve(bidId, person.id, ctx.now()) === 0)
        throw new Refusal('conflict', `No feedback on ${input.bidRef} awaits approval`);
      return feedbackFor(ctx, input.roundId);
    }),
};
