import { ROLE_LABELS, type Person, type Role } from '../../shared/people';
import type { HandlerContext } from './context';
import { Refusal } from './refusal';

export const PROFILE_KEY = 'profile_person_id';

/**
 * Who is acting: the person who unlocked this process's session with their passphrase, or nobody
 * (never yet, or locked after the idle time). Their role is read afresh from the record.
 */
export function currentActor(ctx: HandlerContext): Person | null {
  const identity = ctx.session.current();
  if (!identity) return null;
  const person = ctx.store.people.get(identity.personId);
  if (!person) ctx.session.clear();
  return person ?? null;
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
      `Tranche does not know who you are: choose your profile and give your passphrase (on the command line, --as NAME with TRANCHE_PASSPHRASE) before you ${action}`,
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
