import type { ParsedInput } from '../../shared/contract';
import type { Round } from '../../shared/rounds';
import type { HandlerContext } from './context';
import { fieldRefusal, notFound } from './refusal';

function mustGet(ctx: HandlerContext, id: number): Round {
  const round = ctx.store.rounds.get(id);
  if (!round) throw notFound(`Round ${id}`);
  return round;
}

function refuseDuplicateName(ctx: HandlerContext, fundId: number, name: string, exceptId?: number) {
  const clash = ctx.store.rounds.findByName(fundId, name, exceptId);
  if (clash) {
    const where = clash.archived ? ' (archived: restore it instead, or choose another name)' : '';
    throw fieldRefusal('conflict', 'name', `${clash.fund} already has a round called "${clash.name}"${where}`);
  }
}

export const roundHandlers = {
  'rounds:list': (input: ParsedInput<'rounds:list'>, ctx: HandlerContext) => ctx.store.rounds.list(input.includeArchived),

  'rounds:get': (input: ParsedInput<'rounds:get'>, ctx: HandlerContext) => mustGet(ctx, input.id),

  'rounds:create': (input: ParsedInput<'rounds:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const now = ctx.now();
      const fundId = ctx.store.funds.findOrCreate(input.fund, now);
      refuseDuplicateName(ctx, fundId, input.name);
      const id = ctx.store.rounds.insert(
        { fundId, name: input.name, budgetPence: input.budgetPence, committedPence: input.committedPence },
        now,
      );
      return mustGet(ctx, id);
    }),

  'rounds:update': (input: ParsedInput<'rounds:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = mustGet(ctx, input.id);
      if (current.archived) throw fieldRefusal('conflict', '', `Round "${current.name}" is archived: restore it before editing`);
      const now = ctx.now();
      const fundId = ctx.store.funds.findOrCreate(input.fund, now);
      refuseDuplicateName(ctx, fundId, input.name, input.id);
      ctx.store.rounds.update(
        input.id,
        { fundId, name: input.name, budgetPence: input.budgetPence, committedPence: input.committedPence },
        now,
      );
      return mustGet(ctx, input.id);
    }),

  'rounds:archive': (input: ParsedInput<'rounds:archive'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = mustGet(ctx, input.id);
      if (current.archived) return current;
      const now = ctx.now();
      ctx.store.rounds.setArchived(input.id, now, now);
      return mustGet(ctx, input.id);
    }),

  'rounds:restore': (input: ParsedInput<'rounds:restore'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = mustGet(ctx, input.id);
      if (!current.archived) return current;
      ctx.store.rounds.setArchived(input.id, null, ctx.now());
      return mustGet(ctx, input.id);
    }),
};
