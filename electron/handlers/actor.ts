import type { Person, Role } from '../../shared/people';
import type { ReadContext } from './context';
import { Refusal } from './refusal';

// Who is acting. Whether they may act at all is the rule book's to say (guard.ts), before any
// handler runs; handlers ask who it is only for data-dependent rules ("only your own scores").

export const PROFILE_KEY = 'profile_person_id';

/**
 * Who is acting: the person who unlocked this process's session with their passphrase, or nobody
 * (never yet, or locked after the idle time). Their role is read afresh from the record.
 */
export function currentActor(ctx: ReadContext): Person | null {
  const identity = ctx.session.current();
  if (!identity) return null;
  const person = ctx.store.people.get(identity.personId);
  // A person retired while their session was open stops acting there and then.
  if (!person || person.retiredAt) {
    ctx.session.clear();
    return null;
  }
  return person;
}

/** The acting person, for an operation that must know who does it (the rule book let them in). */
export function actingPerson(ctx: ReadContext, action: string): Person {
  const actor = currentActor(ctx);
  if (!actor)
    throw new Refusal(
      'forbidden',
      `Tranche does not know who you are: choose your profile and give your passphrase (on the command ` +
        `line, --as NAME with TRANCHE_PASSPHRASE) before you ${action}`,
    );
  return actor;
}

/** The roles that assess bids. */
export const OFFICERS: Role[] = ['policy_officer', 'lead_officer'];
