import { groupBy } from '../../db/group-by';
import type { ParsedInput } from '../../shared/contract';
import { spread } from '../../shared/ranking';
import { currentActor } from './actor';
import { bidByRef } from './assessment-lookup';
import { assertSeesRanking, conflictedBids, visibleForScores } from './blind-scoring';
import type { HandlerContext, ReadContext } from './context';
import { mustGetFramework } from './frameworks';
import { rankingFor } from './ranking';
import { fieldRefusal, Refusal } from './refusal';
import { mustGetOpenRound } from './round-lookup';

// Moderation: criteria where assessors diverge, and the lead officer's moderated scores.

export const moderationHandlers = {
  'assessment:moderation': (input: ParsedInput<'assessment:moderation'>, ctx: ReadContext) => {
    const framework = mustGetFramework(ctx, input.roundId);
    // Conflicted bids are left out of the distributions as well as the list.
    const visibility = assertSeesRanking(ctx, input.roundId, 'scores side by side');
    const conflicts = new Set(
      ctx.store.scoring
        .declarationsForRound(input.roundId)
        .filter((d) => d.conflict)
        .map((d) => `${d.bidId}:${d.personId}`),
    );
    const submitted = new Set(
      ctx.store.scoring.submissionsForRound(input.roundId).map((s) => `${s.bidId}:${s.personId}`),
    );
    const counted = ctx.store.scoring
      .scoresForRound(input.roundId)
      .filter(
        (s) =>
          s.score !== null &&
          visibility.bid(s.bidId) &&
          submitted.has(`${s.bidId}:${s.personId}`) &&
          !conflicts.has(`${s.bidId}:${s.personId}`),
      );
    // Grouped once by bid and criterion: searching every score for every pair is quadratic, and a
    // round of 10,000 bids holds a quarter of a million scores.
    const key = (bidId: number, criterionId: number) => `${bidId}:${criterionId}`;
    const scoredOf = groupBy(counted, (s) => key(s.bidId, s.criterionId));
    const moderatedOf = new Map(
      ctx.store.scoring.moderationsForRound(input.roundId).map((m) => [key(m.bidId, m.criterionId), m]),
    );
    const bids = ctx.store.bids.listForRound(input.roundId);
    const items = bids.flatMap((bid) =>
      framework.criteria.flatMap((criterion) => {
        const scored = scoredOf.get(key(bid.id, criterion.id)) ?? [];
        const range = spread(scored.map((s) => s.score as number));
        const moderated = moderatedOf.get(key(bid.id, criterion.id)) ?? null;
        if (range < framework.divergence && !moderated) return [];
        return [
          {
            bidId: bid.id,
            ref: bid.ref,
            criterionId: criterion.id,
            criterion: `${criterion.code} ${criterion.name}`,
            spread: range,
            scores: scored.map((s) => ({
              person: s.person,
              score: s.score as number,
              justification: s.justification,
            })),
            moderated: moderated
              ? { score: moderated.score, reason: moderated.reason, by: moderated.by, at: moderated.at }
              : null,
          },
        ];
      }),
    );
    const weighted = new Set(framework.criteria.filter((c) => !c.gateway).map((c) => c.id));
    const persons = [...new Set(counted.map((s) => s.person))].sort();
    const distributions = persons.map((person) => {
      const own = counted
        .filter((s) => s.person === person && weighted.has(s.criterionId))
        .map((s) => s.score as number);
      const counts = Array.from(
        { length: framework.scale.max - framework.scale.min + 1 },
        (_, i) => own.filter((v) => v === framework.scale.min + i).length,
      );
      return {
        person,
        counts,
        mean: own.length ? Math.round((own.reduce((a, b) => a + b, 0) / own.length) * 100) / 100 : null,
      };
    });
    return {
      divergence: framework.divergence,
      items: visibleForScores(ctx, input.roundId, items, 'scores side by side'),
      distributions,
      scaleMin: framework.scale.min,
    };
  },

  'assessment:moderate': (input: ParsedInput<'assessment:moderate'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      mustGetOpenRound(ctx, input.roundId);
      const framework = mustGetFramework(ctx, input.roundId);
      const bidId = bidByRef(ctx, input.roundId, input.bidRef);
      assertSeesRanking(ctx, input.roundId, 'scores side by side');
      if (conflictedBids(ctx, input.roundId).has(bidId))
        throw new Refusal(
          'forbidden',
          `${actor?.name ?? 'You'} declared a conflict of interest in ${input.bidRef} and cannot moderate it`,
        );
      const criterion = framework.criteria.find(
        (c) => c.code.toLowerCase() === input.criterion.toLowerCase(),
      );
      if (!criterion)
        throw fieldRefusal('not_found', 'criterion', `"${input.criterion}" is not a criterion of this round`);
      const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
      if (input.score < min || input.score > max)
        throw fieldRefusal('invalid_input', 'score', `${input.score} is off the scale (${min} to ${max})`);
      ctx.store.scoring.moderate(
        bidId,
        criterion.id,
        input.score,
        input.reason,
        actor?.id ?? null,
        ctx.now(),
      );
      // The reply is the ranking as the moderator may see it (never a conflicted bid's scores).
      return visibleForScores(ctx, input.roundId, rankingFor(ctx, input.roundId), 'the ranking');
    }),
};
