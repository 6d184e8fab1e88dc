import { MIN_JUSTIFICATION, type ScoringSheet } from '../../shared/assessment';
import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import { actingPerson, currentActor } from './actor';
import { personNamed } from './assessment-lookup';
import { scoreVisibilityFor } from './blind-scoring';
import type { HandlerContext, ReadContext } from './context';
import { mustGetFramework } from './frameworks';
import { notFound, Refusal } from './refusal';
import { mustGetOpenRound } from './round-lookup';

// Independent scoring: an assessor's sheet for a bid, saved and submitted under every rule.

export function scoringSheet(ctx: ReadContext, bidId: number, assessor: Person): ScoringSheet {
  const bid = ctx.store.bids.get(bidId);
  if (!bid) throw notFound(`Bid ${bidId}`);
  const declaration = ctx.store.scoring.declaration(bidId, assessor.id);
  const submission = ctx.store.scoring.submission(bidId, assessor.id);
  const all = ctx.store.scoring.scoresForBid(bidId);
  const view = (rows: typeof all) =>
    rows.map(({ criterionId, score, justification }) => ({ criterionId, score, justification }));
  const conflicted = declaration?.conflict === true;
  // The sheet's owner sees others' scores once they submitted; whoever else opens it (a lead
  // officer reopening it) sees any scores on it only where blind scoring lets them.
  const seenBy = scoreVisibilityFor(ctx, bid.roundId).bid(bidId);
  const ownSheet = currentActor(ctx)?.id === assessor.id;
  let others: ScoringSheet['others'] = null;
  if (submission && !conflicted && seenBy) {
    const byPerson = new Map<string, typeof all>();
    const submittedBy = new Set(
      ctx.store.scoring
        .submissionsForRound(bid.roundId)
        .filter((s) => s.bidId === bidId)
        .map((s) => s.personId),
    );
    for (const row of all)
      if (row.personId !== assessor.id && submittedBy.has(row.personId))
        byPerson.set(row.person, [...(byPerson.get(row.person) ?? []), row]);
    others = [...byPerson.entries()].map(([person, rows]) => ({ person, scores: view(rows) }));
  }
  return {
    bidId,
    roundId: bid.roundId,
    ref: bid.ref,
    title: bid.title,
    partnership: bid.partnership,
    assessor: { id: assessor.id, name: assessor.name },
    assigned: ctx.store.scoring.isAssigned(bidId, assessor.id),
    declaration: declaration
      ? { conflict: declaration.conflict, nature: declaration.nature, declaredAt: declaration.declaredAt }
      : null,
    submittedAt: submission?.submittedAt ?? null,
    own: ownSheet || seenBy ? view(all.filter((r) => r.personId === assessor.id)) : [],
    others,
    history:
      conflicted || !(ownSheet || seenBy)
        ? []
        : ctx.store.scoring
            .historyForBid(bidId)
            .filter((h) => h.person === assessor.name)
            .map(({ criterionId, score, justification, submitted, at }) => ({
              criterionId,
              score,
              justification,
              submitted,
              at,
            })),
  };
}

export interface ScoreLine {
  criterionId: number;
  score: number | null;
  justification: string;
}

/** Saves (and, when asked, submits) one assessor's scores for one bid, enforcing every rule. */
// long-function: every rule a score must meet, checked before its one write
export function recordScores(
  ctx: HandlerContext,
  bidId: number,
  assessor: Person,
  lines: ScoreLine[],
  submit: boolean,
  where: (criterionId: number) => string = () => '',
) {
  const bid = ctx.store.bids.get(bidId);
  if (!bid) throw notFound(`Bid ${bidId}`);
  mustGetOpenRound(ctx, bid.roundId);
  const framework = mustGetFramework(ctx, bid.roundId);
  if (!ctx.store.scoring.isAssigned(bidId, assessor.id))
    throw new Refusal('forbidden', `${assessor.name} is not assigned to score ${bid.ref}`);
  const declaration = ctx.store.scoring.declaration(bidId, assessor.id);
  if (!declaration)
    throw new Refusal(
      'forbidden',
      `${assessor.name} must declare any conflict of interest in ${bid.ref} before scoring it`,
    );
  if (declaration.conflict)
    throw new Refusal(
      'forbidden',
      `${assessor.name} has declared a conflict of interest in ${bid.ref} and cannot score it`,
    );
  const submitted = ctx.store.scoring.submission(bidId, assessor.id);
  if (submitted)
    throw new Refusal(
      'conflict',
      `${assessor.name} submitted their scores for ${bid.ref} on ${formatDate(submitted.submittedAt)}: ` +
        'a submitted sheet is final unless a lead officer reopens it, with a reason',
    );

  const issues: { path: string; message: string }[] = [];
  for (const line of lines) {
    const criterion = framework.criteria.find((c) => c.id === line.criterionId);
    if (!criterion) {
      issues.push({
        path: `criterion ${line.criterionId}`,
        message: `${where(line.criterionId)}criterion ${line.criterionId} is not in this round's framework`,
      });
      continue;
    }
    const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
    if (line.score !== null && (line.score < min || line.score > max)) {
      issues.push({
        path: criterion.code,
        message:
          `${where(line.criterionId)}${criterion.code}: ${line.score} is off the scale ` +
          `(${min} to ${max}${criterion.gateway ? ': 1 pass, 0 fail' : ''})`,
      });
    }
  }
  if (submit) {
    for (const criterion of framework.criteria) {
      const line = lines.find((l) => l.criterionId === criterion.id);
      if (!line || line.score === null)
        issues.push({
          path: criterion.code,
          message: `${where(criterion.id)}${criterion.code}: give a score before submitting`,
        });
      else if (line.justification.trim().length < MIN_JUSTIFICATION) {
        issues.push({
          path: criterion.code,
          message:
            `${where(criterion.id)}${criterion.code}: ` +
            `write a justification of at least ${MIN_JUSTIFICATION} characters`,
        });
      }
    }
  }
  if (issues.length > 0) throw new Refusal('invalid_input', issues.map((i) => i.message).join('; '), issues);
  const now = ctx.now();
  for (const line of lines)
    ctx.store.scoring.saveScore(
      bidId,
      assessor.id,
      line.criterionId,
      line.score,
      line.justification.trim(),
      submit,
      now,
    );
  if (submit) ctx.store.scoring.submit(bidId, assessor.id, now);
}

export const scoringHandlers = {
  'assessment:myBids': (input: ParsedInput<'assessment:myBids'>, ctx: ReadContext) => {
    const actor = currentActor(ctx);
    if (!actor) return [];
    // The round's assignments, declarations, submissions and scores of this person, read once each
    // and looked up by bid: a query per bid made this list slow at thousands of bids.
    const mine = (rows: { bidId: number; personId: number }[]) =>
      new Set(rows.filter((r) => r.personId === actor.id).map((r) => r.bidId));
    const assigned = mine(ctx.store.scoring.assignmentsForRound(input.roundId, actor.id));
    const declarations = new Map(
      ctx.store.scoring
        .declarationsForRound(input.roundId)
        .filter((d) => d.personId === actor.id)
        .map((d) => [d.bidId, d]),
    );
    const submitted = mine(ctx.store.scoring.submissionsForRound(input.roundId, actor.id));
    const scored = new Set(ctx.store.scoring.scoredBidsForRound(input.roundId, actor.id));
    return ctx.store.bids
      .listForRound(input.roundId)
      .filter((b) => assigned.has(b.id))
      .map((b) => {
        const declaration = declarations.get(b.id);
        const state = !declaration
          ? 'declare'
          : declaration.conflict
            ? 'conflict'
            : submitted.has(b.id)
              ? 'submitted'
              : scored.has(b.id)
                ? 'draft'
                : 'to_score';
        return { bidId: b.id, ref: b.ref, title: b.title, partnership: b.partnership, state } as const;
      });
  },

  'assessment:sheet': (input: ParsedInput<'assessment:sheet'>, ctx: ReadContext) => {
    const actor = actingPerson(ctx, 'open a scoring sheet');
    return scoringSheet(ctx, input.bidId, actor);
  },

  'assessment:score': (input: ParsedInput<'assessment:score'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = actingPerson(ctx, 'score bids');
      recordScores(ctx, input.bidId, actor, input.scores, input.submit);
      return scoringSheet(ctx, input.bidId, actor);
    }),

  // Reopening a submitted sheet is the lead officer's act, with a reason, and stays on the record:
  // the submission it undid is kept beside the reason, and every score saved before is kept too.
  'assessment:reopen': (input: ParsedInput<'assessment:reopen'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const lead = actingPerson(ctx, "reopen an assessor's submitted scores");
      const bid = ctx.store.bids.get(input.bidId);
      if (!bid) throw notFound(`Bid ${input.bidId}`);
      mustGetOpenRound(ctx, bid.roundId);
      const assessor = personNamed(ctx, input.assessor);
      const submission = ctx.store.scoring.submission(bid.id, assessor.id);
      if (!submission)
        throw new Refusal('conflict', `${assessor.name} has not submitted scores for ${bid.ref}`);
      ctx.store.scoring.reopen(bid.id, assessor.id, submission.submittedAt, input.reason, lead.id, ctx.now());
      return scoringSheet(ctx, bid.id, assessor);
    }),
};
