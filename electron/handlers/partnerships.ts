import type { ParsedInput } from '../../shared/contract';
import { normaliseName } from '../../db/queries/organisations';
import type { HandlerContext } from './context';
import { Refusal } from './refusal';

// The office's own partnerships: the ones a notice names when they made no bid. A partnership an
// import already created (under its name or an alias) becomes the office's rather than a second one.

export const partnershipHandlers = {
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
