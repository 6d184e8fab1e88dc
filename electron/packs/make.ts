import { createHash } from 'node:crypto';
import { chainHead } from '../../db/audit/chain';
import type { ParsedInput } from '../../shared/contract';
import type { PackHeader } from '../../shared/packs';
import { ROLE_LABELS, type Person } from '../../shared/people';
import { actingPerson, actingRole } from '../handlers/actor';
import { personNamed } from '../handlers/assessment-lookup';
import { noteAnchor } from '../handlers/audit/operation-notes';
import type { HandlerContext } from '../handlers/context';
import { signingIdentity } from '../handlers/identity';
import { Refusal } from '../handlers/refusal';
import { mustGetOpenRound } from '../handlers/round-lookup';
import { enrolmentSecrets, newEnrolmentCode, senderProof } from './enrolment';
import { writePack } from './format';
import { newPackId, officeKeys, packFileName, partyOf, roundRef } from './header';
import { kindModule } from './kinds';

// packs:make: the office's lead officer makes a pack for one person about one round. A first pack
// to someone whose key this office has not pinned carries an enrolment code's proof; the code is
// shown once (to be given by another way) and only its hash is kept. Every pack carries the chain
// head the office saw when it was made; the pack's audit entry names it, and so does its return.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function recipientOf(ctx: HandlerContext, input: ParsedInput<'packs:make'>): Person {
  if (input.personName) {
    // The role they act in: a grant waiting for the commissioner's approval gives no pack.
    const named = personNamed(ctx, input.personName);
    const stored = ctx.store.people.get(named.id);
    const role = stored ? actingRole(stored) : null;
    if (!role)
      throw new Refusal('forbidden', `${named.name} is waiting for the commissioner's approval: no pack yet`);
    return { ...named, role };
  }
  if (input.kind === 'signoff') {
    const sitting = ctx.store.people.sittingCommissioner();
    if (sitting) return { id: sitting.id, name: sitting.name, role: 'commissioner' };
  }
  throw new Refusal('invalid_input', 'Name the person the pack is for', [
    { path: 'personName', message: 'Name the person the pack is for' },
  ]);
}

export function makePack(ctx: HandlerContext, input: ParsedInput<'packs:make'>) {
  const kind = kindModule(input.kind);
  return ctx.store.transaction(() => {
    const lead = actingPerson(ctx, 'make a pack');
    const signer = signingIdentity(ctx);
    const round = mustGetOpenRound(ctx, input.roundId);
    if (ctx.store.packs.isCopy(round.id))
      throw new Refusal(
        'conflict',
        `Round "${round.name}" is a copy from your office: packs are made from the office's own round`,
      );
    const recipient = recipientOf(ctx, input);
    if (recipient.id === lead.id)
      throw new Refusal('invalid_input', 'A pack goes to someone else, not to yourself');
    if (!kind.recipientRoles.includes(recipient.role))
      throw new Refusal(
        'invalid_input',
        `${recipient.name} is a ${ROLE_LABELS[recipient.role].toLowerCase()}: this pack goes to a ` +
          kind.recipientRoles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or '),
      );
    const { payload, summary } = kind.make(ctx, { round, recipient, lead });
    const now = ctx.now();
    const head = chainHead(ctx.store.sqlite);
    noteAnchor(ctx, head);
    let enrolmentCode: string | null = null;
    let enrolment: PackHeader['enrolment'];
    if (!ctx.store.packs.pinnedKey(recipient.id)) {
      enrolmentCode = newEnrolmentCode();
      const id = newPackId();
      const secrets = enrolmentSecrets(enrolmentCode, id);
      ctx.store.packs.addEnrolment(id, recipient.id, round.id, secrets.verifier, now);
      enrolment = { id, proof: senderProof(secrets.senderKey, signer.publicKey) };
    }
    const header: PackHeader = {
      packId: newPackId(),
      kind: input.kind,
      createdAt: now,
      round: roundRef(ctx, round),
      from: partyOf(lead, signer.publicKey),
      to: { name: recipient.name, role: recipient.role },
      sequence: ctx.store.packs.nextSequence(round.id),
      ...(enrolment ? { enrolment } : {}),
      officeKeys: officeKeys(ctx),
      chainHead: head,
    };
    const bytes = writePack({ header, payload }, signer.privateKey);
    ctx.store.packs.recordSent({
      packId: header.packId,
      kind: header.kind,
      roundId: round.id,
      personId: recipient.id,
      sequence: header.sequence,
      sha256: sha256(bytes),
      createdAt: now,
      summary: JSON.stringify({ ...summary, enrolment: enrolment !== undefined, chainHead: head }),
    });
    return {
      fileName: packFileName(round, header.kind, recipient),
      bytesBase64: bytes.toString('base64'),
      enrolmentCode,
      to: { name: recipient.name, role: recipient.role },
    };
  });
}
