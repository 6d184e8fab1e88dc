import type { Person, Role } from '../../shared/people';
import type { HandlerContext } from './context';
import { Refusal } from './refusal';

// Who is acting. Whether they may act at all is the rule book's to say (guard.ts), before any
// handler runs; handlers ask who it is only for data-dependent rules ("only your own scores").

export const PROFILE_KEY = 'profile_person_id';

/** Who is acting: the person named on the command line, else this installation's profile. */
export function currentActor(ctx: HandlerContext): Person | null {
  if (ctx.actAs !== undefined) {
    const named = ctx.store.people.findByName(ctx.actAs);
    if (!named)
      throw new Refusal(
        'forbidden',
        `There is no person called "${ctx.actAs}": add them with people add --name NAME --role ROLE`,
      );
    return named;
  }
  const id = Number(ctx.store.people.setting(PROFILE_KEY));
  return (Number.isInteger(id) && id > 0 && ctx.store.people.get(id)) || null;
}

/** The acting person, for an operation that must know who does it (the rule book let them in). */
export function actingPerson(ctx: HandlerContext, action: string): Person {
  const actor = currentActor(ctx);
  if (!actor)
    throw new Refusal(
      'forbidden',
      `Tranche does not know who you are: set up your profile (or use --as NAME) before you ${action}`,
    );
  return actor;
}

/** The roles that assess bids. */
export const OFFICERS: Role[] = ['policy_officer', 'lead_officer'];
