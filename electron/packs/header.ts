import { randomUUID } from 'node:crypto';
import { safeFileName } from '../../shared/file-names';
import { PACK_KIND_LABELS, type PackHeader, type PackParty } from '../../shared/packs';
import type { Person } from '../../shared/people';
import type { Round } from '../../shared/rounds';
import type { ReadContext } from '../handlers/context';
import { keyFingerprint } from '../identity/keys';

// The parts of a pack's header every kind fills the same way.

export const partyOf = (person: Person, publicKey: string): PackParty => ({
  name: person.name,
  role: person.role,
  publicKey,
  fingerprint: keyFingerprint(publicKey),
});

export function roundRef(ctx: ReadContext, round: Round): PackHeader['round'] {
  const identity = ctx.store.packs.roundIdentity(round.id);
  if (!identity) throw new Error(`Round ${round.id} has no uid`);
  return { uid: identity.uid, name: round.name, financialYear: round.financialYear };
}

/** The office's lead officers with the key this database knows for each (pinned first). */
export function officeKeys(ctx: ReadContext): PackParty[] {
  return ctx.store.packs.leadOfficerKeys().flatMap((row) => {
    const publicKey = row.pinned ?? row.local;
    return publicKey
      ? [{ name: row.name, role: row.role, publicKey, fingerprint: keyFingerprint(publicKey) }]
      : [];
  });
}

export const newPackId = () => randomUUID();

export function packFileName(round: Round, kind: PackHeader['kind'], person: Person): string {
  return safeFileName(`${round.name} ${PACK_KIND_LABELS[kind]} ${person.name}.tranche`);
}
