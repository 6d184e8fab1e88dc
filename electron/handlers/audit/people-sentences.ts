import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';

// The History's sentences for what happens to people: who was added, made what, approved by the
// commissioner, enrolled or retired. Written before the operation runs, from its input and the
// person as they then stand (an approval names the role waiting to be approved).

export interface PersonNow {
  name: string;
  role: Role;
}

const label = (role: Role) => ROLE_LABELS[role].toLowerCase();
const asRole = (value: unknown): Role | null =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value) ? (value as Role) : null;

/**
 * The sentence for a people operation, or null for any other (the generic summary then serves).
 * `waits(role)` says whether granting that role now waits for the commissioner's approval.
 */
export function peopleSentence(
  channel: string,
  input: Record<string, unknown>,
  personOf: (id: number) => PersonNow | null,
  waits: (role: Role) => boolean,
): string | null {
  const person = typeof input.personId === 'number' ? personOf(input.personId) : null;
  const name = person?.name ?? (typeof input.name === 'string' ? input.name : 'someone');
  const role = asRole(input.role);
  const pending = role && waits(role) ? ", waiting for the commissioner's approval" : '';
  switch (channel) {
    case 'people:add':
      return role ? `Added ${name} as ${label(role)}${pending}` : null;
    case 'people:setRole':
      return role ? `Made ${name} ${label(role)}${pending}` : null;
    case 'people:approve':
      return person ? `Approved ${name} as ${label(person.role)}, signed with the commissioner's key` : null;
    case 'people:retire':
      return `Retired ${name}`;
    case 'people:enrol':
      return `${name} chose their own passphrase with their enrolment code`;
    case 'people:newCode':
      return `Gave ${name} a new enrolment code`;
    default:
      return null;
  }
}
