import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import {
  enrolmentCodeMatches,
  hashEnrolmentCode,
  newEnrolmentCode,
  normaliseEnrolmentCode,
  type HashedCode,
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

/** A new code for `name`, and the hash of it to keep (made off the thread, before any write). */
export async function newCodeFor(ctx: HandlerContext, name: string): Promise<{ code: string } & HashedCode> {
  const code = newEnrolmentCode();
  const hashed = await hashEnrolmentCode(name, normaliseEnrolmentCode(code)!, ctx.kdf ?? DEFAULT_KDF);
  return { code, ...hashed };
}

/** Keeps the hash of the code given to the person (inside the caller's transaction). */
export function keepCode(ctx: HandlerContext, personId: number, hashed: HashedCode): void {
  ctx.store.enrolmentCodes.issue({
    personId,
    codeHash: hashed.codeHash,
    salt: hashed.salt,
    kdf: JSON.stringify(hashed.kdf),
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
      'an enrolment code works once. If that was not them, tell a lead officer now',
  );
}

/** Checks the code typed for `person`; refuses (changing nothing) unless it is theirs and unused. */
async function checkCode(ctx: HandlerContext, person: Person, typed: string): Promise<void> {
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
  const hashed = { codeHash: stored.codeHash, salt: stored.salt, kdf: JSON.parse(stored.kdf) as KdfParams };
  if (!(await enrolmentCodeMatches(person.name, code, hashed)))
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      `That is not ${person.name}'s enrolment code: check it with the lead officer who added them; nothing was changed`,
    );
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
    if (!claim) {
      if (!input.enrolmentCode)
        throw fieldRefusal(
          'invalid_input',
          'enrolmentCode',
          `Give the enrolment code the lead officer gave ${person.name} (on the command line, --code CODE)`,
        );
      await checkCode(ctx, person, input.enrolmentCode);
    }
    const sealed = await sealNew(ctx, input.passphrase, [person.name]);
    return ctx.store.transaction(() => {
      refuseEnrolled(ctx, person);
      if (!claim && !ctx.store.enrolmentCodes.use(person.id, ctx.now()))
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
