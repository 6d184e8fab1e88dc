import { ROLE_LABELS, type Person, type Role } from '../../shared/people';
import type { HandlerContext } from './context';
import { Refusal } from './refusal';

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

const list = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ');

/**
 * The acting person, who must hold one of `roles`. Until anyone is set up (a new installation,
 * before the first profile) `setup` operations may go ahead without one.
 */
export function requireRole(
  ctx: HandlerContext,
  roles: Role[],
  action: string,
  options: { setup?: boolean } = {},
): Person | null {
  const actor = currentActor(ctx);
  if (!actor) {
    if (options.setup && ctx.store.people.count() === 0) return null;
    throw new Refusal(
      'forbidden',
      `Tranche does not know who you are: set up your profile (or use --as NAME) before you ${action}`,
    );
  }
  if (!roles.includes(actor.role)) {
    throw new Refusal(
      'forbidden',
      `Only a ${list(roles)} can ${action}; ${actor.name} is a ${ROLE_LABELS[actor.role].toLowerCase()}`,
    );
  }
  return actor;
}

export const OFFICERS: Role[] = ['policy_officer', 'lead_officer'];
export const LEAD: Role[] = ['lead_officer'];
