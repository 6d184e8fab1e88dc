import { formatDate } from '../../shared/dates';
import { ROLE_LABELS, type Person } from '../../shared/people';
import {
  createIdentity,
  DEFAULT_KDF,
  keyFingerprint,
  resealIdentity,
  unlockIdentity,
  WrongPassphrase,
  type KdfParams,
  type SealedIdentity,
} from '../identity/keys';
import { PROFILE_KEY } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';

// People's identities over the store: enrolling a key pair, proving a passphrase to act as
// someone, and changing it. Every path that unlocks a person comes through `unlockPerson`.

function sealedOf(ctx: ReadContext, personId: number): SealedIdentity | null {
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

/** Gives a person without one their key pair, sealed with their first passphrase. */
export function enrolPerson(ctx: HandlerContext, person: Person, passphrase: string): string {
  if (ctx.store.identities.get(person.id))
    throw new Refusal('conflict', `${person.name} already has a passphrase: only they can change it`);
  return save(ctx, person.id, createIdentity(passphrase, ctx.kdf ?? DEFAULT_KDF));
}

/**
 * Proves `passphrase` is the person's and makes them the one acting in this process. Refused as
 * `forbidden` when it is wrong, or when they have no passphrase yet. `remember` makes them this
 * computer's profile.
 */
export function unlockPerson(
  ctx: HandlerContext,
  person: Person,
  passphrase: string,
  options: { remember: boolean } = { remember: true },
): void {
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
      `${person.name} has no passphrase yet: a lead officer sets their first one (people enrol --name "` +
        `${person.name}")`,
    );
  try {
    const privateKey = unlockIdentity(sealed, passphrase);
    ctx.session.unlock({ personId: person.id, fingerprint: keyFingerprint(sealed.publicKey), privateKey });
  } catch (error) {
    if (error instanceof WrongPassphrase)
      throw new Refusal('forbidden', `That is not ${person.name}'s passphrase`, [
        { path: 'passphrase', message: 'That passphrase is not right' },
      ]);
    throw error;
  }
  // The app offers this person first next time (and the command line acts as them by default).
  if (options.remember) ctx.store.people.setSetting(PROFILE_KEY, String(person.id));
}

/** Changes the person's passphrase; their key pair, and so their fingerprint, stays the same. */
export function changePassphrase(ctx: HandlerContext, person: Person, current: string, next: string): string {
  const sealed = sealedOf(ctx, person.id);
  if (!sealed) throw new Refusal('forbidden', `${person.name} has no passphrase yet`);
  try {
    return save(ctx, person.id, resealIdentity(sealed, current, next, ctx.kdf ?? sealed.kdf));
  } catch (error) {
    if (error instanceof WrongPassphrase)
      throw new Refusal('forbidden', `That is not ${person.name}'s current passphrase`, [
        { path: 'currentPassphrase', message: 'That passphrase is not right' },
      ]);
    throw error;
  }
}

/** The signing key of whoever is acting, with their public key; refused when locked. */
export function signingIdentity(ctx: ReadContext) {
  const identity = ctx.session.current();
  const stored = identity ? ctx.store.identities.get(identity.personId) : undefined;
  if (!identity || !stored)
    throw new Refusal('forbidden', 'Signing needs the signer to give their passphrase first');
  return { personId: identity.personId, privateKey: identity.privateKey, publicKey: stored.publicKey };
}

export const roleLabel = (person: Person) => ROLE_LABELS[person.role].toLowerCase();
