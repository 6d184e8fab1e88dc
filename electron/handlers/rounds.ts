import { templateForFund, templateFramework } from '../../shared/framework-templates';
import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { availablePence, type Round } from '../../shared/rounds';
import { nextStage, STAGE_LABELS, STAGES, type MovableStage } from '../../shared/stages';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

function refuseDuplicateName(ctx: HandlerContext, fundId: number, name: string, exceptId?: number) {
  const clash = ctx.store.rounds.findByName(fundId, name, exceptId);
  if (clash) {
    const where = clash.archived ? ' (archived: restore it instead, or choose another name)' : '';
    throw fieldRefusal(
      'conflict',
      'name',
      `${clash.fund} already has a round called "${clash.name}"${where}`,
    );
  }
}

function refuseUnknownPlan(ctx: HandlerContext, planId: number | null) {
  if (planId !== null && !ctx.store.organisations.listPlans().some((p) => p.id === planId)) {
    throw fieldRefusal('not_found', 'planId', `Police and Crime Plan ${planId} does not exist`);
  }
}

/** The money available may not fall below what the round has already allocated. */
function refuseCutBelowAllocation(ctx: HandlerContext, round: Round, input: RoundInput) {
  const allocated = ctx.store.allocation.items(round.id).reduce((sum, i) => sum + i.amountPence, 0);
  const available = availablePence({ budgetPence: input.budgetPence, commitments: input.commitments });
  if (available < allocated)
    throw fieldRefusal(
      'conflict',
      'budgetPence',
      `That leaves ${formatMoney(available)} available, less than the ${formatMoney(allocated)} ` +
        `already allocated in "${round.name}": reduce the allocation first`,
    );
}

/**
 * Moves a round one stage forward, or back to any earlier stage with a reason (the lead officer's
 * step back before signing, recorded in the audit chain with the move); leaves it where it is when
 * it is already there.
 */
function moveStage(ctx: HandlerContext, round: Round, to: MovableStage, reason: string | null) {
  if (round.stage === to) return;
  const here = `Round "${round.name}" is at the ${STAGE_LABELS[round.stage].toLowerCase()} stage`;
  if (STAGES.indexOf(to) < STAGES.indexOf(round.stage)) {
    if (!reason)
      throw fieldRefusal(
        'invalid_input',
        'reason',
        `${here}: give a reason to take it back to ${STAGE_LABELS[to].toLowerCase()} (${to}); ` +
          'the reason is kept in the round\u2019s history',
      );
    ctx.store.rounds.setStage(round.id, to, ctx.now());
    return;
  }
  const next = nextStage(round.stage);
  if (next !== to)
    throw fieldRefusal(
      'conflict',
      'to',
      `${here}: ` +
        (next
          ? `it can move forward only to the next one, ${STAGE_LABELS[next].toLowerCase()} (${next}), ` +
            'or back to an earlier one with a reason'
          : 'it moves on only when the commissioner signs the decision'),
    );
  ctx.store.rounds.setStage(round.id, to, ctx.now());
}

type RoundInput = ParsedInput<'rounds:create'>;

function values(input: RoundInput, fundId: number) {
  return {
    fundId,
    name: input.name,
    financialYear: input.financialYear,
    tranche: input.tranche,
    budgetPence: input.budgetPence,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    status: input.status,
    planId: input.planId,
  };
}

export const roundHandlers = {
  'rounds:list': (input: ParsedInput<'rounds:list'>, ctx: ReadContext) =>
    ctx.store.rounds.list(input.includeArchived),

  'rounds:get': (input: ParsedInput<'rounds:get'>, ctx: ReadContext) => mustGetRound(ctx, input.id),

  'rounds:create': (input: ParsedInput<'rounds:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const now = ctx.now();
      refuseUnknownPlan(ctx, input.planId);
      const fundId = ctx.store.funds.findOrCreate(input.fund, now);
      refuseDuplicateName(ctx, fundId, input.name);
      const id = ctx.store.rounds.insert(values(input, fundId), now);
      ctx.store.rounds.replaceCommitments(id, input.commitments);
      // A new round of a known fund starts with that fund's scoring template (the office adjusts it).
      const template = templateForFund(input.fund);
      if (template) ctx.store.frameworks.save(id, templateFramework(template), now);
      return mustGetRound(ctx, id);
    }),

  'rounds:update': (input: ParsedInput<'rounds:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const before = mustGetOpenRound(ctx, input.id);
      refuseCutBelowAllocation(ctx, before, input);
      const now = ctx.now();
      refuseUnknownPlan(ctx, input.planId);
      const fundId = ctx.store.funds.findOrCreate(input.fund, now);
      refuseDuplicateName(ctx, fundId, input.name, input.id);
      ctx.store.rounds.update(input.id, values(input, fundId), now);
      ctx.store.rounds.replaceCommitments(input.id, input.commitments);
      return mustGetRound(ctx, input.id);
    }),

  'rounds:setStage': (input: ParsedInput<'rounds:setStage'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      moveStage(ctx, mustGetOpenRound(ctx, input.roundId), input.to, input.reason);
      return mustGetRound(ctx, input.roundId);
    }),

  'rounds:archive': (input: ParsedInput<'rounds:archive'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = mustGetRound(ctx, input.id);
      if (current.archived) return current;
      const now = ctx.now();
      ctx.store.rounds.setArchived(input.id, now, now);
      return mustGetRound(ctx, input.id);
    }),

  'rounds:restore': (input: ParsedInput<'rounds:restore'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = mustGetRound(ctx, input.id);
      if (!current.archived) return current;
      ctx.store.rounds.setArchived(input.id, null, ctx.now());
      return mustGetRound(ctx, input.id);
    }),
};
