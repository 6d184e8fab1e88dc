import type { ParsedInput } from '../../shared/contract';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal, Refusal } from './refusal';

// Police and Crime Plans: their priorities, which bids claim and the alignment report follows.

export const planHandlers = {
  'plans:list': (_input: object, ctx: ReadContext) => ctx.store.organisations.listPlans(),

  'plans:create': (input: ParsedInput<'plans:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      if (ctx.store.organisations.findPlanByTitle(input.title))
        throw fieldRefusal('conflict', 'title', `There is already a plan called "${input.title}"`);
      const codes = new Set<string>();
      const walk = (nodes: ParsedInput<'plans:create'>['priorities']) =>
        nodes.forEach((node) => {
          if (codes.has(node.code.toLowerCase()))
            throw fieldRefusal('invalid_input', 'priorities', `The code ${node.code} is used twice`);
          codes.add(node.code.toLowerCase());
          walk(node.children);
        });
      walk(input.priorities);
      const id = ctx.store.organisations.createPlan(input.title, input.period, input.priorities, ctx.now());
      const plan = ctx.store.organisations.listPlans().find((p) => p.id === id);
      if (!plan) throw new Refusal('not_found', 'The plan was not saved');
      return plan;
    }),
};
