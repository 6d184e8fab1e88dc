import type { ParsedInput } from '../../shared/contract';
import { templateFramework, type Framework } from '../../shared/frameworks';
import type { Person } from '../../shared/people';
import { currentActor } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Scoring frameworks: the scale, criteria, weights and threshold a round's bids are scored on.

export function getFramework(ctx: ReadContext, roundId: number): Framework | null {
  const f = ctx.store.frameworks.forRound(roundId);
  if (!f) return null;
  return {
    roundId,
    template: f.template,
    scale: {
      min: f.scaleMin,
      max: f.scaleMax,
      descriptors: f.descriptors.map(({ score, descriptor }) => ({ score, descriptor })),
    },
    criteria: f.criteria,
    threshold: f.thresholdPercent,
    divergence: f.divergence,
    scoringStarted: ctx.store.scoring.anyScoreInRound(roundId),
    changes: f.changes,
  };
}

export function mustGetFramework(ctx: ReadContext, roundId: number): Framework {
  const framework = getFramework(ctx, roundId);
  if (!framework)
    throw new Refusal('conflict', 'This round has no scoring framework yet: choose a template first');
  return framework;
}

function guardChangeAfterScoring(
  ctx: HandlerContext,
  roundId: number,
  confirmed: boolean,
  actor: Person | null,
  summary: string,
) {
  if (!ctx.store.scoring.anyScoreInRound(roundId)) return;
  if (!confirmed)
    throw new Refusal(
      'conflict',
      'Scoring has started in this round: confirm the change to the framework (it will be recorded)',
    );
  const framework = ctx.store.frameworks.forRound(roundId);
  if (framework) ctx.store.frameworks.recordChange(framework.id, actor?.id ?? null, summary, ctx.now());
}

export const frameworkHandlers = {
  'frameworks:get': (input: ParsedInput<'frameworks:get'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    return getFramework(ctx, input.roundId);
  },

  'frameworks:use': (input: ParsedInput<'frameworks:use'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      mustGetOpenRound(ctx, input.roundId);
      let values;
      if (input.copyFromRoundId !== undefined) {
        const source = getFramework(ctx, input.copyFromRoundId);
        if (!source)
          throw new Refusal('not_found', `Round ${input.copyFromRoundId} has no framework to copy`);
        values = {
          template: source.template,
          scaleMin: source.scale.min,
          scaleMax: source.scale.max,
          descriptors: source.scale.descriptors.map((d) => d.descriptor),
          threshold: source.threshold,
          divergence: source.divergence,
          criteria: source.criteria.map(({ code, name, guidance, weight, minScore, gateway }) => ({
            code,
            name,
            guidance,
            weight,
            minScore,
            gateway,
          })),
        };
      } else {
        values = templateFramework(input.template ?? 'invest-to-save');
      }
      guardChangeAfterScoring(
        ctx,
        input.roundId,
        input.confirmChangeAfterScoring,
        actor,
        `Framework replaced (${
          input.copyFromRoundId !== undefined
            ? `copied from round ${input.copyFromRoundId}`
            : `template ${values.template}`
        })`,
      );
      ctx.store.frameworks.save(input.roundId, values, ctx.now());
      return mustGetFramework(ctx, input.roundId);
    }),

  'frameworks:update': (input: ParsedInput<'frameworks:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      mustGetOpenRound(ctx, input.roundId);
      const current = getFramework(ctx, input.roundId);
      guardChangeAfterScoring(
        ctx,
        input.roundId,
        input.confirmChangeAfterScoring,
        actor,
        input.reason ? `Framework edited: ${input.reason}` : 'Framework edited',
      );
      ctx.store.frameworks.save(
        input.roundId,
        {
          template: current?.template ?? null,
          scaleMin: input.scaleMin,
          scaleMax: input.scaleMax,
          descriptors: input.descriptors,
          threshold: input.threshold,
          divergence: input.divergence,
          criteria: input.criteria,
        },
        ctx.now(),
      );
      return mustGetFramework(ctx, input.roundId);
    }),
};
