import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import type { PackHeader } from '../../shared/packs';
import type { Person } from '../../shared/people';
import { PROFILE_KEY, currentActor } from '../handlers/actor';
import { noteRound } from '../handlers/audit/operation-notes';
import type { HandlerContext } from '../handlers/context';
import { enrolPerson, sealNew, unlockPerson } from '../handlers/identity';
import type { SealedIdentity } from '../identity/keys';
import { fieldRefusal, Refusal } from '../handlers/refusal';
import type { CopyOf } from './copy';
import { readCopyOf } from './copy';
import { enrolmentSecrets, normaliseEnrolmentCode, returnProof, senderProofMatches } from './enrolment';
import { knownKey, pinKey, signedByUnknownKey } from './identity';
import { kindModule } from './kinds';
import { readPackInput } from './read';

// packs:open: on the recipient's laptop, a pack from the office becomes (or updates) a round copy.
// Trust comes first: the sender's key must be the one this database knows for them, or, on first
// contact, the enrolment code the office gave must match the pack's proof. On a new installation
// the recipient is created with their new passphrase and becomes the one acting. All or nothing.

const sender = (header: PackHeader) => ({
  name: header.from.name,
  role: header.from.role,
  fingerprint: header.from.fingerprint,
});

/**
 * Checks the sender: their key must be the one this database knows for them, or, when it knows
 * none, the enrolment code given (`codeHash` holds the code itself) must match the pack's proof. A code given
 * is always checked. Returns how the key is trusted, or refuses.
 */
function trustSender(
  ctx: HandlerContext,
  header: PackHeader,
  codeHash: string | null,
  proofStored: boolean,
): 'known' | 'enrolment' {
  const local = ctx.store.people.findByName(header.from.name);
  const known = local ? knownKey(ctx, local.id) : null;
  if (known && known.publicKey !== header.from.publicKey)
    throw new Refusal('forbidden', signedByUnknownKey(header.from.name, header.from.fingerprint));
  if (!header.enrolment) {
    if (known) return 'known';
    throw new Refusal(
      'forbidden',
      `This pack is from ${header.from.name}, whose key this database does not know, and it carries no ` +
        'enrolment code: ask your office for a new pack; nothing was changed',
    );
  }
  // The office has not yet pinned the recipient's key: their first return must carry the code's
  // proof, so the code is needed now unless a proof is already kept for this round.
  if (!codeHash) {
    if (known && proofStored) return 'known';
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      `This is a first pack from ${header.from.name}: give the enrolment code your office gave you with it ` +
        '(on the command line, --enrolment-code CODE)',
    );
  }
  if (
    !senderProofMatches(
      enrolmentSecrets(codeHash, header.enrolment.id).senderKey,
      header.from.publicKey,
      header.enrolment.proof,
    )
  )
    throw fieldRefusal(
      'forbidden',
      'enrolmentCode',
      'The enrolment code does not match this pack: check the code with your office; nothing was changed',
    );
  return known ? 'known' : 'enrolment';
}

function codeHashOf(input: ParsedInput<'packs:open'>): string | null {
  if (!input.enrolmentCode) return null;
  const code = normaliseEnrolmentCode(input.enrolmentCode);
  if (!code)
    throw fieldRefusal(
      'invalid_input',
      'enrolmentCode',
      'That is not an enrolment code: it has twelve letters and digits, like ABCD-EFGH-JKLM',
    );
  return code;
}

/** The person the pack is for: the one acting, or on a new installation a new person. */
function recipientOf(
  ctx: HandlerContext,
  header: PackHeader,
  sealed: SealedIdentity | null,
): { person: Person; created: boolean } {
  if (ctx.store.people.count() === 0) {
    if (!sealed)
      throw fieldRefusal(
        'invalid_input',
        'newPassphrase',
        `Choose your passphrase, ${header.to.name}: Tranche makes your key with it ` +
          '(on the command line, in TRANCHE_NEW_PASSPHRASE)',
      );
    const id = ctx.store.people.create(header.to.name, header.to.role, ctx.now());
    const person = { id, name: header.to.name, role: header.to.role };
    enrolPerson(ctx, person, sealed);
    ctx.store.people.setSetting(PROFILE_KEY, String(id));
    return { person, created: true };
  }
  const person = ctx.store.people.findByName(header.to.name);
  if (!person)
    throw new Refusal(
      'forbidden',
      `This pack is for ${header.to.name}, who is not on this Tranche: open it on their own laptop`,
    );
  const actor = currentActor(ctx);
  if (actor?.id !== person.id)
    throw new Refusal(
      'forbidden',
      `This pack is for ${person.name}: open it as ${person.name}, with their passphrase; nothing was changed`,
    );
  return { person, created: false };
}

/** The sender and the office's other lead officers, as people here with their keys pinned. */
function pinOffice(
  ctx: HandlerContext,
  header: PackHeader,
  trust: 'known' | 'enrolment',
  recipient: Person,
): Person {
  const find = (name: string, role: Person['role']) => {
    const found = ctx.store.people.findByName(name);
    if (found) return found;
    return { id: ctx.store.people.create(name, role, ctx.now()), name, role };
  };
  const from = find(header.from.name, header.from.role);
  if (trust === 'enrolment') pinKey(ctx, from.id, header.from.publicKey, 'enrolment code');
  for (const party of header.officeKeys ?? []) {
    if (party.name.toLowerCase() === recipient.name.toLowerCase()) continue;
    const person = find(party.name, party.role);
    // The first key proved for a person stays: a different one listed later is not taken on trust.
    if (!knownKey(ctx, person.id)) pinKey(ctx, person.id, party.publicKey, `listed by ${from.name}`);
  }
  return from;
}

// long-function: a pack's checks in the order they must pass (seal, sender, code, sequence) before one write
export async function openPack(ctx: HandlerContext, input: ParsedInput<'packs:open'>) {
  const { body, sha256 } = readPackInput(input.bytesBase64);
  const { header } = body;
  if (header.kind === 'return')
    throw new Refusal(
      'invalid_input',
      'This is a return pack: the office receives it (Receive a pack, or pack receive); nothing was changed',
    );
  const outbound = header.kind;
  const kind = kindModule(outbound);
  const codeHash = codeHashOf(input);
  // A new installation's first person: their key is made (off the thread) before the write.
  const sealed =
    ctx.store.people.count() === 0 && input.newPassphrase
      ? await sealNew(ctx, input.newPassphrase, [header.to.name], 'newPassphrase')
      : null;
  let created: Person | null = null;
  const opened = ctx.store.transaction(() => {
    const existing = ctx.store.packs.roundByUid(header.round.uid);
    const previous = existing?.copyOf ? readCopyOf(ctx, existing.id) : null;
    const trust = trustSender(ctx, header, codeHash, previous?.enrolment !== undefined);
    const seen = ctx.store.packs.received(header.packId);
    if (seen) {
      if (seen.sha256 !== sha256)
        throw new Refusal(
          'conflict',
          'A different pack with the same id was opened before; nothing was changed',
        );
      return { kind: header.kind, roundId: seen.roundId, from: sender(header), alreadyOpened: true };
    }
    if (existing && !existing.copyOf)
      throw new Refusal(
        'conflict',
        `This pack is for round "${header.round.name}", which is this database's own: ` +
          "it opens on the recipient's laptop; nothing was changed",
      );
    const recipient = recipientOf(ctx, header, sealed);
    if (recipient.created) created = recipient.person;
    const from = pinOffice(ctx, header, trust, recipient.person);
    if (previous && previous.to.toLowerCase() !== recipient.person.name.toLowerCase())
      throw new Refusal(
        'conflict',
        `This database's copy of "${header.round.name}" is ${previous.to}'s, not yours`,
      );
    if (existing) {
      const last = ctx.store.packs.lastReceived(existing.id, from.id);
      if (last && last.sequence >= header.sequence)
        throw new Refusal(
          'conflict',
          `This pack is older than the one of ${formatDate(last.createdAt.slice(0, 10))} already opened; ` +
            'nothing was changed',
        );
    }
    const { roundId, summary } = kind.open(ctx, {
      header,
      payload: body.payload,
      copyId: existing?.id ?? null,
      recipient: recipient.person,
      sender: from,
    });
    noteRound(ctx, roundId);
    const now = ctx.now();
    const ownKey = ctx.store.packs.localKey(recipient.person.id);
    const copyOf: CopyOf = {
      kind: outbound,
      from: from.name,
      fingerprint: header.from.fingerprint,
      to: recipient.person.name,
      openedAt: now,
      pack: { id: header.packId, chainHead: header.chainHead ?? null },
    };
    // The proof the recipient's returns carry: made now, while the code is at hand, never kept.
    if (header.enrolment && codeHash && ownKey)
      copyOf.enrolment = {
        id: header.enrolment.id,
        proof: returnProof(enrolmentSecrets(codeHash, header.enrolment.id).returnKey, ownKey.publicKey),
      };
    else if (previous?.enrolment) copyOf.enrolment = previous.enrolment;
    ctx.store.packs.setRoundIdentity(roundId, header.round.uid, JSON.stringify(copyOf));
    ctx.store.packs.recordReceived(
      {
        packId: header.packId,
        kind: header.kind,
        roundId,
        personId: from.id,
        sequence: header.sequence,
        sha256,
        createdAt: header.createdAt,
        summary: JSON.stringify(summary),
      },
      now,
    );
    return { kind: header.kind, roundId, from: sender(header), alreadyOpened: false };
  });
  // A new installation's first person acts from now on (the key was made with their passphrase).
  const person = created as Person | null;
  if (person && input.newPassphrase) await unlockPerson(ctx, person, input.newPassphrase);
  return opened;
}
