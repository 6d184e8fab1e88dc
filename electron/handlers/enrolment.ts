import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import type { KeyObject } from 'node:crypto';
import {
  enrolmentProof,
  issueEnrolmentCode,
  newEnrolmentCode,
  normaliseEnrolmentCode,
  openEnrolmentCode,
  type IssuedCode,
} from '../identity/enrolment-code';
import { DEFAULT_KDF, type KdfParams } from '../identity/keys';
import { actingRole } from './actor';
import { listItem } from './approvals';
import type { HandlerContext } from './context';
import { enrolPerson, nobodyEnrolled, sealNew } from './identity';
import { fieldRefusal, notFound, Refusal } from './refusal';

// Each person chooses their own passphrase. A lead officer who adds someone is shown a one-time
// code, once, to give them in person; with it the person makes their key and chooses their
// passphrase, which nobody else ever sets or learns. Wrong, reused or someone else's codes are
// refused and change nothing.

/** A new code for `name`, and what to keep of it (made off the thread, before any write). */
export async function newCodeFor(ctx: HandlerContext, name: string): Promise<{ code: string } & IssuedCode> {
  const code = newEnrolmentCode();
  const issued = await issueEnrolmentCode(name, normaliseEnrolmentCode(code)!, ctx.kdf ?? DEFAULT_KDF);
  return { code, ...issued };
}

/** Keeps the public half of the code's key given to the person (inside the caller's transaction). */
export function keepCode(ctx: HandlerContext, personId: number, issued: IssuedCode): void {
  ctx.store.enrolmentCodes.issue({
    personId,
    codePublicKey: issued.codePublicKey,
    salt: issued.salt,
    kdf: JSON.stringify(issued.kdf),
    issuedAt: ctx.now(),
  });
}

function refuseEnrolled(ctx: HandlerContext, person: Person): void {
  if (!ctx.store.identities.get(person.id)) return;
  const used = ctx.store.enrolmentCodes.get(person.id)?.usedAt;
  throw fieldRefusal(
    'conflict',
    'enrolmentCode',
    `${person.name} has already chosen their passphrase${used ? ` (on ${formatDate(used)})` : ''}: ` +
      'an enrolment code works once. If that was not them, tell the commissioner now, ' +
      'before they approve any role for them',
  );
}

/**
 * Checks the code typed for `person` and gives back the code's key, which signs their new key;
 * refuses (changing nothing) unless the code is theirs.
 */
async function checkCode(ctx: HandlerContext, person: Person, typed: string): Promise<KeyObject> {
  const code = normaliseEnrolmentCode(typed);
  if (!code)
    throw fieldRefusal(
      'invalid_input',
      'enrolmentCode',
      'That is not an enrolment code: it has twelve letters and digits, like ABCD-EFGH-JKLM',
    );
  const stored = ctx.store.enrolmentCodes.get(person.id);
  if (!stored)
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      `${person.name} has no enrolment code: a lead officer gives them one (people code --name "${person.name}")`,
    );
  if (!stored.codePublicKey)
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      `${person.name}'s enrolment code was given before codes could prove an enrolment and no longer works: ` +
        `a lead officer gives them a new one (people code --name "${person.name}")`,
    );
  const issued = {
    codePublicKey: stored.codePublicKey,
    salt: stored.salt,
    kdf: JSON.parse(stored.kdf) as KdfParams,
  };
  const key = await openEnrolmentCode(person.name, code, issued);
  if (!key)
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      `That is not ${person.name}'s enrolment code: check it with the lead officer who added them; nothing was changed`,
    );
  return key;
}

export const enrolmentHandlers = {
  /** A person chooses their first passphrase with the code they were given. */
  'people:enrol': async (input: ParsedInput<'people:enrol'>, ctx: HandlerContext) => {
    const person = ctx.store.people.get(input.personId);
    if (!person) throw notFound(`Person ${input.personId}`);
    if (person.retiredAt)
      throw new Refusal(
        'forbidden',
        `${person.name} retired on ${formatDate(person.retiredAt)}: nothing to enrol`,
      );
    refuseEnrolled(ctx, person);
    // An office from before passphrases: while nobody has one, a lead officer claims their own profile.
    const claim = nobodyEnrolled(ctx) && actingRole(person) === 'lead_officer' && !input.enrolmentCode;
    let codeKey: KeyObject | null = null;
    if (!claim) {
      if (!input.enrolmentCode)
        throw fieldRefusal(
          'invalid_input',
          'enrolmentCode',
          `Give the enrolment code the lead officer gave ${person.name} (on the command line, --code CODE)`,
        );
      codeKey = await checkCode(ctx, person, input.enrolmentCode);
    }
    const sealed = await sealNew(ctx, input.passphrase, [person.name]);
    // The code's key signs the new key: verify checks it against the key the issuing entry recorded.
    const proof = codeKey && enrolmentProof(codeKey, person.id, sealed.publicKey);
    return ctx.store.transaction(() => {
      refuseEnrolled(ctx, person);
      if (proof && !ctx.store.enrolmentCodes.use(person.id, ctx.now(), proof))
        throw fieldRefusal('conflict', 'enrolmentCode', 'That enrolment code has already been used');
      enrolPerson(ctx, person, sealed);
      return listItem(ctx, person.id);
    });
  },

  /** A new code for someone who has not enrolled (theirs lost, or added before codes existed). */
  'people:newCode': async (input: ParsedInput<'people:newCode'>, ctx: HandlerContext) => {
    const person = ctx.store.people.get(input.personId);
    if (!person) throw notFound(`Person ${input.personId}`);
    if (person.retiredAt)
      throw new Refusal(
        'conflict',
        `${person.name} retired on ${formatDate(person.retiredAt)}: nothing to enrol`,
      );
    refuseEnrolled(ctx, person);
    const fresh = await newCodeFor(ctx, person.name);
    return ctx.store.transaction(() => {
      refuseEnrolled(ctx, person);
      keepCode(ctx, person.id, fresh);
      return { ...listItem(ctx, person.id), enrolmentCode: fresh.code };
    });
  },
};
