import type { ParsedInput } from '../../shared/contract';
import { currentActor } from './actor';
import { mustGetPerson } from './assessment-lookup';
import type { HandlerContext } from './context';
import { fieldRefusal, notFound } from './refusal';

// The office's people and this installation's profile.

export const peopleHandlers = {
  'people:list': (_input: object, ctx: HandlerContext) => ctx.store.people.list(),

  'people:add': (input: ParsedInput<'people:add'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      if (ctx.store.people.findByName(input.name))
        throw fieldRefusal('conflict', 'name', `There is already a person called "${input.name}"`);
      const id = ctx.store.people.create(input.name, input.role, ctx.now());
      return mustGetPerson(ctx, id);
    }),

  'people:me': (_input: object, ctx: HandlerContext) => currentActor(ctx),

  'people:setProfile': (input: ParsedInput<'people:setProfile'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      let id: number;
      if ('personId' in input) {
        if (!ctx.store.people.get(input.personId)) throw notFound(`Person ${input.personId}`);
        id = input.personId;
      } else {
        if (ctx.store.people.findByName(input.name))
          throw fieldRefusal(
            'conflict',
            'name',
            `There is already a person called "${input.name}": choose them instead`,
          );
        id = ctx.store.people.create(input.name, input.role, ctx.now());
      }
      ctx.store.people.setSetting('profile_person_id', String(id));
      return mustGetPerson(ctx, id);
    }),
};
