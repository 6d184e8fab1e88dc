import type { ParsedInput } from '../../shared/contract';
import { normaliseName } from '../../db/queries/organisations';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';

// Community Safety Partnerships: known by name or any alias, created when a bid names a new one.
// The office's own partnerships are the ones a notice names when they made no bid; adding one an
// import already created (under its name or an alias) makes it the office's rather than a second.

/** The partnership a name identifies (by its name or any alias), created if it is new. */
export function resolvePartnership(ctx: HandlerContext, name: string, now: string): number {
  const known = ctx.store.organisations.partnershipIndex().get(normaliseName(name));
  return known ? known.id : ctx.store.organisations.createPartnership(name, null, now);
}

export const partnershipHandlers = {
  'partnerships:list': (_input: object, ctx: ReadContext) => ctx.store.organisations.listPartnerships(),

  'partnerships:add': (input: ParsedInput<'partnerships:add'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const org = ctx.store.organisations;
      const known = org.partnershipIndex().get(normaliseName(input.name));
      if (known) {
        const existing = org.listPartnerships().find((p) => p.id === known.id);
        if (existing?.office)
          throw new Refusal('conflict', `${existing.name} is already one of the office's partnerships`);
        org.markOffice(known.id, input.area);
      } else {
        org.createPartnership(input.name, input.area, ctx.now(), true);
      }
      const id = known?.id ?? org.partnershipIndex().get(normaliseName(input.name))?.id;
      return org.listPartnerships().find((p) => p.id === id) as ReturnType<
        typeof org.listPartnerships
      >[number];
    }),
};
