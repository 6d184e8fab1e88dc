import type { HandlerContext, ReadContext } from '../handlers/context';
import { keyFingerprint } from '../identity/keys';

// "The key this database knows for a person": the key pinned for them when their private key lives
// on another laptop, else the key of their own that this database holds, else none. A pack from
// someone must be signed with exactly this key; a person with none can be trusted only through an
// enrolment code (electron/packs/enrolment.ts).

export interface KnownKey {
  publicKey: string;
  fingerprint: string;
  /** Pinned from a pack, or the person's own key held in this database. */
  source: 'pinned' | 'local';
}

export function knownKey(ctx: ReadContext, personId: number): KnownKey | null {
  const pinned = ctx.store.packs.pinnedKey(personId);
  if (pinned) return { publicKey: pinned.publicKey, fingerprint: pinned.fingerprint, source: 'pinned' };
  const local = ctx.store.packs.localKey(personId);
  return local ? { publicKey: local.publicKey, fingerprint: local.fingerprint, source: 'local' } : null;
}

/** Pins a person's key from another laptop (`via` says how it was proved, for the record). */
export function pinKey(ctx: HandlerContext, personId: number, publicKey: string, via: string): void {
  ctx.store.packs.pin(personId, publicKey, keyFingerprint(publicKey), via, ctx.now());
}

export const signedByUnknownKey = (name: string, fingerprint: string) =>
  `The pack is signed by a key this database does not know for ${name} (fingerprint ${fingerprint}); ` +
  'nothing was changed';
