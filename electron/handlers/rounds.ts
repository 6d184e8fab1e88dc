import { templateForFund, templateFramework } from '../../shared/frameworks';
import type { ParsedInput } from '../../shared/contract';
import type { Round } from '../../shared/rounds';
import type { HandlerContext } from './context';
import { LEAD, requireRole } from './actor';
import { assertNotSigned } from './notices';
import { fieldRefusal, notFound, Refusal } from './refusal';

export function mustGetRound(ctx: HandlerContext, id: number): Round {
  const round = ctx.store.rounds.get(id);
  if (!round) throw notFound(`Round ${id}`);
  return round;
}

/** A round that may still be changed: archived rounds are read-only until restored. */
export function mustGetOpenRound(ctx: HandlerContext, id: number): Round {
  const round = mustGetRound(ctx, id);
  if (round.archived)
    throw new Refusal(
      'conflict',
      `Round "${round.name}" is archived: restore it before changing it or its bids`,
    );
  return round;
}

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
  'rounds:list': (input: ParsedInput<'rounds:list'>, ctx: HandlerContext) =>
    ctx.store.rounds.list(input.includeArchived),

  'rounds:get': (input: ParsedInput<'rounds:get'>, ctx: HandlerContext) => mustGetRound(ctx, input.id),

  'rounds:create': (input: ParsedInput<'rounds:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'set up funding rounds', { setup: true });
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
      requireRole(ctx, LEAD, 'change funding rounds', { setup: true });
      const before = mustGetOpenRound(ctx, input.id);
      // The money a signed decision was made against stays as it was; names and dates may change.
      const sameMoney =
        before.budgetPence === input.budgetPence &&
        JSON.stringify(
          before.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
        ) === JSON.stringify(input.commitments);
      if (!sameMoney) assertNotSigned(ctx, input.id, 'the budget and commitments');
      const now = ctx.now();
      refuseUnknownPlan(ctx, input.planId);
      const fundId = ctx.store.funds.findOrCreate(input.fund, now);
      refuseDuplicateName(ctx, fundId, input.name, input.id);
      ctx.store.rounds.update(input.id, values(input, fundId), now);
      ctx.store.rounds.replaceCommitments(input.id, input.commitments);
      return mustGetRound(ctx, input.id);
    }),

  'rounds:archive': (input: ParsedInput<'rounds:archive'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'archive funding rounds', { setup: true });
      const current = mustGetRound(ctx, input.id);
      if (current.archived) return current;
      const now = ctx.now();
      ctx.store.rounds.setArchived(input.id, now, now);
      return mustGetRound(ctx, input.id);
    }),

  'rounds:restore': (input: ParsedInput<'rounds:restore'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'restore funding rounds', { setup: true });
      const current = mustGetRound(ctx, input.id);
      if (!current.archived) return current;
      ctx.store.rounds.setArchived(input.id, null, ctx.now());
      return mustGetRound(ctx, input.id);
    }),
};
