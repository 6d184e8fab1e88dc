import type { Person, Role } from '../../shared/people';
import type { ReadContext } from './context';
import { Refusal } from './refusal';

// Who is acting. Whether they may act at all is the rule book's to say (guard.ts), before any
// handler runs; handlers ask who it is only for data-dependent rules ("only your own scores").

export const PROFILE_KEY = 'profile_person_id';

/** A person as stored, with the role granted and, while it waits for approval, the one before. */
export interface StoredRoles {
  role: Role;
  pendingSince: string | null;
  roleBefore: Role | null;
}

/**
 * The role a person acts in: the one granted, or while a grant of commissioner or lead officer
 * waits for the commissioner's approval, the role they held before (null: a new person, who cannot
 * act until approved). Everything that asks who may do what goes through this.
 */
export const actingRole = (person: StoredRoles): Role | null =>
  person.pendingSince === null ? person.role : person.roleBefore;

/**
 * Who is acting: the person who unlocked this process's session with their passphrase, or nobody
 * (never yet, or locked after the idle time). Their role is read afresh from the record, as the
 * role they act in: a grant waiting for approval gives nothing yet.
 */
export function currentActor(ctx: ReadContext): Person | null {
  const identity = ctx.session.current();
  if (!identity) return null;
  const person = ctx.store.people.get(identity.personId);
  const role = person ? actingRole(person) : null;
  // A person retired while their session was open stops acting there and then.
  if (!person || person.retiredAt || !role) {
    ctx.session.clear();
    return null;
  }
  return { id: person.id, name: person.name, role };
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
