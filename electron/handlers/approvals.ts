import { canonicalJson } from '../../shared/canonical-json';
import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { signBytes } from '../identity/keys';
import { actingPerson, actingRole, type StoredRoles } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { signingIdentity } from './identity';
import { fieldRefusal, notFound, Refusal } from './refusal';

// The commissioner is the root of the office's trust, as in a PCC's scheme of delegation. The first
// commissioner may be added while the office has none; from then on a grant of the commissioner or
// lead officer role waits (is pending) until the sitting commissioner approves it with their key,
// and a pending person acts in the role they had before, or not at all. So a lead officer cannot
// make a commissioner, or promote themselves through a second lead officer, alone.

/** The roles only the commissioner can make. */
export const APPROVED_ROLES: readonly Role[] = ['commissioner', 'lead_officer'];

const label = (role: Role) => ROLE_LABELS[role].toLowerCase();

/**
 * When a grant of `role` made now must wait for approval: the time to record as pending, or null
 * when it takes effect at once (any other role, or the office's first commissioner).
 */
export function pendingFor(ctx: HandlerContext, role: Role, now: string): string | null {
  if (!APPROVED_ROLES.includes(role)) return null;
  if (role === 'commissioner' && !ctx.store.people.sittingCommissioner()) return null;
  return now;
}

/** The sitting commissioner leaves office only by handing over: nobody demotes or retires them. */
export function refuseUnseatingCommissioner(
  ctx: HandlerContext,
  person: { id: number; name: string } & StoredRoles,
  doing: string,
): void {
  if (ctx.store.people.sittingCommissioner()?.id !== person.id) return;
  throw fieldRefusal(
    'forbidden',
    'personId',
    `${person.name} is the sitting commissioner and cannot be ${doing}: a commissioner leaves office by ` +
      'handing over to a new commissioner, whom they approve (people approve)',
  );
}

/**
 * What the commissioner signs: who is approved (and the key they hold, so an approval cannot pass
 * to whoever enrolled in their name), in which role, granted when, by whom and when.
 */
function approvalStatement(
  person: { id: number; name: string; fingerprint: string; role: Role; pendingSince: string },
  approver: { id: number; name: string; fingerprint: string },
  at: string,
): string {
  return canonicalJson({
    kind: 'tranche-role-approval/2',
    person: { id: person.id, name: person.name, fingerprint: person.fingerprint },
    role: person.role,
    grantedAt: person.pendingSince,
    approvedAt: at,
    approvedBy: approver,
  });
}

export const approvalHandlers = {
  'people:history': (_input: object, ctx: ReadContext) => peopleHistory(ctx),

  /** The sitting commissioner approves a pending grant; approving a new commissioner hands over. */
  'people:approve': (input: ParsedInput<'people:approve'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const approver = actingPerson(ctx, 'approve a commissioner or lead officer');
      const person = ctx.store.people.get(input.personId);
      if (!person) throw notFound(`Person ${input.personId}`);
      if (person.retiredAt)
        throw new Refusal(
          'conflict',
          `${person.name} retired on ${formatDate(person.retiredAt)}: there is nothing to approve`,
        );
      if (!person.pendingSince)
        throw fieldRefusal(
          'conflict',
          'personId',
          `${person.name} is a ${label(person.role)} with no role waiting for approval`,
        );
      if (person.id === approver.id)
        throw new Refusal(
          'forbidden',
          'Nobody approves their own role: the sitting commissioner approves it',
        );
      // The approval names the key the person holds: they choose it first, so the commissioner can
      // compare its fingerprint with the one the person sees on their own profile.
      const personKey = ctx.store.identities.get(person.id)?.fingerprint;
      if (!personKey)
        throw fieldRefusal(
          'conflict',
          'personId',
          `${person.name} has not enrolled yet: they must choose their passphrase first ` +
            `(people enrol --name "${person.name}"), then you approve the key they hold; nothing was changed`,
        );
      const signer = signingIdentity(ctx);
      const at = ctx.now();
      const fingerprint = ctx.store.identities.get(approver.id)?.fingerprint ?? '';
      const statement = approvalStatement(
        { ...person, fingerprint: personKey, pendingSince: person.pendingSince },
        { id: approver.id, name: approver.name, fingerprint },
        at,
      );
      ctx.store.approvals.record({
        personId: person.id,
        role: person.role,
        approvedBy: approver.id,
        approvedAt: at,
        statement,
        signature: signBytes(signer.privateKey, Buffer.from(statement, 'utf8')),
        approverFingerprint: fingerprint,
      });
      ctx.store.people.approve(person.id);
      // A hand-over: the new commissioner takes office and the outgoing one retires.
      if (person.role === 'commissioner') ctx.store.people.retire(approver.id, at);
      return listItem(ctx, person.id);
    }),
};

/** The audit entries about people, newest first: who was added, made what, approved, retired. */
const PEOPLE_OPERATIONS = [
  'people:add',
  'people:setRole',
  'people:approve',
  'people:retire',
  'people:enrol',
  'people:newCode',
];

function peopleHistory(ctx: ReadContext) {
  // The chain's count of rows changed is for auditors; the people's history reads as sentences.
  return ctx.store.audit.ofOperations(PEOPLE_OPERATIONS).map((e) => ({
    ...e,
    summary: e.summary.replace(/ \[\d+ rows? changed: [^\]]*\]$/, ''),
  }));
}

/** A person as the office's list shows them (fingerprint, retirement, pending grant). */
export function listItem(ctx: HandlerContext, id: number) {
  const person = ctx.store.people.get(id);
  if (!person) throw notFound(`Person ${id}`);
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    retiredAt: person.retiredAt,
    pending: person.pendingSince !== null,
    roleBefore: person.pendingSince !== null ? actingRole(person) : null,
    fingerprint: ctx.store.identities.get(id)?.fingerprint ?? null,
    sittingCommissioner: ctx.store.people.sittingCommissioner()?.id === id,
  };
}
