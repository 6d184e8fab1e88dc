import { normaliseName } from '../../db/queries/organisations';
import type { HandlerContext } from './context';

// Community Safety Partnerships: known by name or any alias, created when a bid names a new one.

/** The partnership a name identifies (by its name or any alias), created if it is new. */
export function resolvePartnership(ctx: HandlerContext, name: string, now: string): number {
  const known = ctx.store.organisations.partnershipIndex().get(normaliseName(name));
  return known ? known.id : ctx.store.organisations.createPartnership(name, null, now);
}

export const partnershipHandlers = {
  'partnerships:list': (_input: object, ctx: HandlerContext) => ctx.store.organisations.listPartnerships(),
};
