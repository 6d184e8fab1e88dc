import { formatDate } from '../../shared/dates';
import type { Person } from '../../shared/people';
import { ROLE_LABELS } from '../../shared/roles';
import type { KeyObject } from 'node:crypto';
import { sealAs } from '../../db/audit/recorder';
import {
  createIdentityAsync,
  DEFAULT_KDF,
  keyFingerprint,
  resealIdentity,
  unlockIdentityAsync,
  WrongPassphrase,
  type KdfParams,
  type SealedIdentity,
} from '../identity/keys';
import {
  afterFailure,
  describeWait,
  lockoutKey,
  readLockout,
  waitMs,
  type Lockout,
} from '../identity/lockout';
import { weakPassphrase } from '../identity/strength';
import { actingRole, PROFILE_KEY } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { fieldRefusal, Refusal } from './refusal';

// People's identities over the store: enrolling a key pair, proving a passphrase to act as
// someone, and changing it. Every path that unlocks a person comes through `unlockPerson`.

function sealedOf(ctx: HandlerContext, personId: number): SealedIdentity | null {
  const stored = ctx.store.identities.get(personId);
  if (!stored) return null;
  return {
    publicKey: stored.publicKey,
    sealedPrivateKey: stored.sealedPrivateKey,
    salt: stored.salt,
    nonce: stored.nonce,
    kdf: JSON.parse(stored.kdf) as KdfParams,
  };
}

function save(ctx: HandlerContext, personId: number, sealed: SealedIdentity): string {
  const fingerprint = keyFingerprint(sealed.publicKey);
  ctx.store.identities.save({ personId, fingerprint, ...sealed, kdf: JSON.stringify(sealed.kdf) }, ctx.now());
  return fingerprint;
}

/** While nobody holds a key (a new database, or one from before identities) the first lead officer may enrol. */
export const nobodyEnrolled = (ctx: ReadContext): boolean => ctx.store.identities.count() === 0;

/** Gives a person without one their key pair, sealed with their first passphrase (see sealNew). */
export function enrolPerson(ctx: HandlerContext, person: Person, sealed: SealedIdentity): string {
  if (ctx.store.identities.get(person.id))
    throw new Refusal('conflict', `${person.name} already has a passphrase: only they can change it`);
  return save(ctx, person.id, sealed);
}

/**
 * A new key pair sealed with a passphrase the person chose, refused (beside `field`) when it is
 * easy to guess. The key is derived off the thread; call it before the write's transaction.
 */
export async function sealNew(
  ctx: HandlerContext,
  passphrase: string,
  context: string[],
  field = 'passphrase',
): Promise<SealedIdentity> {
  const weak = await weakPassphrase(passphrase, context);
  if (weak) throw fieldRefusal('invalid_input', field, weak);
  return createIdentityAsync(passphrase, ctx.kdf ?? DEFAULT_KDF);
}

/** Records a wrong passphrase for `person` in the audit chain, and locks them after too many. */
function recordWrongGuess(
  ctx: HandlerContext,
  person: Person,
  lockout: Lockout,
  refusedWhileLocked: boolean,
) {
  const at = ctx.now();
  const next = refusedWhileLocked ? lockout : afterFailure(lockout, at);
  ctx.store.sqlite
    .transaction(() => {
      ctx.store.people.setSetting(lockoutKey(person.id), JSON.stringify(next));
      sealAs(ctx.store.sqlite, {
        operation: WRONG_PASSPHRASE,
        at,
        personId: null,
        personName: null,
        keyFingerprint: null,
        input: { personId: person.id },
        summary:
          `A wrong passphrase was given for ${person.name}` +
          (refusedWhileLocked ? ' while they were locked' : ` (${next.failures} in a row)`) +
          (next.lockedUntil && !refusedWhileLocked ? `; locked until ${next.lockedUntil}` : ''),
        rounds: [],
      });
    })
    .immediate();
  return next;
}

/** The audit entry's operation for a wrong passphrase: it names nobody as acting. */
export const WRONG_PASSPHRASE = 'people:wrongPassphrase';
/** The audit entry's operation clearing the count once the right passphrase is given. */
export const PASSPHRASE_RIGHT = 'people:passphraseAccepted';

function lockedRefusal(person: Person, lockout: Lockout, wait: number) {
  return new Refusal(
    'forbidden',
    `${person.name} is locked after ${lockout.failures} wrong passphrases: try again in ${describeWait(wait)}`,
    [{ path: 'passphrase', message: `Locked: try again in ${describeWait(wait)}` }],
  );
}

/**
 * Proves `passphrase` is the person's and returns their unsealed key. Refused as `forbidden` when
 * it is wrong (recorded, and counted towards a lock), when they are locked, retired, or have no
 * passphrase yet. The key is derived off the thread.
 */
export async function provePassphrase(
  ctx: HandlerContext,
  person: Person,
  passphrase: string,
  field = 'passphrase',
): Promise<{ privateKey: KeyObject; fingerprint: string }> {
  const retiredAt = ctx.store.people.get(person.id)?.retiredAt;
  if (retiredAt)
    throw new Refusal(
      'forbidden',
      `${person.name} retired on ${formatDate(retiredAt)} and can no longer act in Tranche; ` +
        'their past work stays in the record',
    );
  const sealed = sealedOf(ctx, person.id);
  if (!sealed)
    throw new Refusal(
      'forbidden',
      `${person.name} has no passphrase yet: they choose one with the enrolment code a lead officer gave them ` +
        `(people enrol --name "${person.name}" --code CODE)`,
    );
  const lockout = readLockout(ctx.store.people.setting(lockoutKey(person.id)));
  const wait = waitMs(lockout, ctx.now());
  if (wait > 0) {
    recordWrongGuess(ctx, person, lockout, true);
    throw lockedRefusal(person, lockout, wait);
  }
  let privateKey: KeyObject;
  try {
    privateKey = await unlockIdentityAsync(sealed, passphrase);
  } catch (error) {
    if (!(error instanceof WrongPassphrase)) throw error;
    const next = recordWrongGuess(ctx, person, lockout, false);
    const locked = waitMs(next, ctx.now());
    if (locked > 0) throw lockedRefusal(person, next, locked);
    throw new Refusal('forbidden', `That is not ${person.name}'s passphrase`, [
      { path: field, message: 'That passphrase is not right' },
    ]);
  }
  if (lockout.failures > 0)
    ctx.store.sqlite
      .transaction(() => {
        ctx.store.people.setSetting(
          lockoutKey(person.id),
          JSON.stringify({ failures: 0, lockedUntil: null }),
        );
        sealAs(ctx.store.sqlite, {
          operation: PASSPHRASE_RIGHT,
          at: ctx.now(),
          personId: null,
          personName: null,
          keyFingerprint: null,
          input: { personId: person.id },
          summary: `${person.name} gave the right passphrase after ${lockout.failures} wrong one(s)`,
          rounds: [],
        });
      })
      .immediate();
  return { privateKey, fingerprint: keyFingerprint(sealed.publicKey) };
}

/** Makes `person` the one acting in this process; `remember` makes them this computer's profile. */
export function admitPerson(
  ctx: HandlerContext,
  person: Person,
  key: { privateKey: KeyObject; fingerprint: string },
  options: { remember: boolean } = { remember: true },
): void {
  ctx.session.unlock({ personId: person.id, ...key });
  // The app offers this person first next time (and the command line acts as them by default).
  if (options.remember) ctx.store.people.setSetting(PROFILE_KEY, String(person.id));
}

/** Proves the passphrase (off the thread) and makes the person the one acting. */
export async function unlockPerson(
  ctx: HandlerContext,
  person: Person,
  passphrase: string,
  options: { remember: boolean } = { remember: true },
): Promise<void> {
  const stored = ctx.store.people.get(person.id);
  if (stored && !stored.retiredAt && !actingRole(stored))
    throw new Refusal(
      'forbidden',
      `${person.name} is waiting for the commissioner to approve them as ${ROLE_LABELS[stored.role].toLowerCase()}: ` +
        'they can act once approved (people approve)',
    );
  const key = await provePassphrase(ctx, person, passphrase);
  admitPerson(ctx, person, key, options);
}

/** Changes the person's passphrase; their key pair, and so their fingerprint, stays the same. */
export async function changePassphrase(
  ctx: HandlerContext,
  person: Person,
  current: string,
  next: string,
): Promise<string> {
  const sealed = sealedOf(ctx, person.id);
  if (!sealed) throw new Refusal('forbidden', `${person.name} has no passphrase yet`);
  await provePassphrase(ctx, person, current, 'currentPassphrase');
  const weak = await weakPassphrase(next, [person.name]);
  if (weak) throw fieldRefusal('invalid_input', 'newPassphrase', weak);
  const resealed = await resealIdentity(sealed, current, next, ctx.kdf ?? sealed.kdf);
  return ctx.store.transaction(() => save(ctx, person.id, resealed));
}

/** The signing key of whoever is acting, with their public key; refused when locked. */
export function signingIdentity(ctx: HandlerContext) {
  const identity = ctx.session.current();
  const stored = identity ? ctx.store.identities.get(identity.personId) : undefined;
  if (!identity || !stored)
    throw new Refusal('forbidden', 'Signing needs the signer to give their passphrase first');
  return { personId: identity.personId, privateKey: identity.privateKey, publicKey: stored.publicKey };
}

export const roleLabel = (person: Person) => ROLE_LABELS[person.role].toLowerCase();
