import { heldCounts } from '../../shared/pack-receipt';
import type { ParsedInput } from '../../shared/contract';
import { PACK_KIND_LABELS, returnPayloadBaseSchema, type PackHeader } from '../../shared/packs';
import type { Person } from '../../shared/people';
import { noteRound } from '../handlers/audit/operation-notes';
import type { HandlerContext } from '../handlers/context';
import { Refusal } from '../handlers/refusal';
import { mustGetRound } from '../handlers/round-lookup';
import { answeredPack } from './answered-pack';
import { returnProofMatches } from './enrolment';
import { pinKey, signedByUnknownKey } from './identity';
import { kindModule } from './kinds';
import { readPackInput } from './read';
import { refuseReturnNotTheirs } from './return-rules';

// packs:receive: at the office, a return is checked and merged, all or nothing. It must be for one
// of this office's own rounds, signed by the key pinned for its sender (or, the first time, by a
// key bound to the enrolment code the office gave them), newer than any return already taken from
// them for that round, and answer a pack the office sent them whose chain head its record still
// holds (answered-pack.ts). The same pack twice changes nothing. Every time recorded is the
// office's receipt time: a sender's clock decides nothing here.

/** The sender here, once their key is proved; pins it when an enrolment proves it the first time. */
function trustSender(ctx: HandlerContext, header: PackHeader, roundId: number): Person {
  const sender = ctx.store.people.findByName(header.from.name);
  if (!sender)
    throw new Refusal(
      'forbidden',
      `The pack is from ${header.from.name}, who is not one of this office's people; nothing was changed`,
    );
  const pinned = ctx.store.packs.pinnedKey(sender.id);
  if (pinned) {
    if (pinned.publicKey !== header.from.publicKey)
      throw new Refusal('forbidden', signedByUnknownKey(sender.name, header.from.fingerprint));
    return sender;
  }
  if (header.enrolment) {
    const enrolment = ctx.store.packs.enrolment(header.enrolment.id);
    if (
      !enrolment ||
      enrolment.personId !== sender.id ||
      !returnProofMatches(enrolment.codeHash, header.from.publicKey, header.enrolment.proof)
    )
      throw new Refusal(
        'forbidden',
        `${signedByUnknownKey(sender.name, header.from.fingerprint).replace(/; nothing was changed$/, '')}, ` +
          `and its enrolment proof does not match a code this office gave ${sender.name}; nothing was changed`,
      );
    pinKey(ctx, sender.id, header.from.publicKey, `enrolment code (round ${roundId})`);
    ctx.store.packs.useEnrolment(enrolment.id, ctx.now());
    return sender;
  }
  const local = ctx.store.packs.localKey(sender.id);
  if (local?.publicKey !== header.from.publicKey)
    throw new Refusal('forbidden', signedByUnknownKey(sender.name, header.from.fingerprint));
  return sender;
}

/** The last return taken from the sender for the round; refuses one not newer than it. */
function lastReceivedBefore(ctx: HandlerContext, roundId: number, sender: Person, sequence: number) {
  const last = ctx.store.packs.lastReceived(roundId, sender.id);
  if (last && last.sequence >= sequence)
    throw new Refusal(
      'conflict',
      `This return is older than the return already received from ${sender.name} on ` +
        `${new Date(last.receivedAt).toLocaleString('en-GB', {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'UTC',
        })} (UTC); nothing was changed`,
    );
  return last;
}

// long-function: a return's checks in the order they must pass (seal, sender, sequence) before one write
export function receivePack(ctx: HandlerContext, input: ParsedInput<'packs:receive'>) {
  const { body, sha256 } = readPackInput(input.bytesBase64);
  const { header } = body;
  if (header.kind !== 'return')
    throw new Refusal(
      'invalid_input',
      `This is ${header.kind === 'assessor' ? 'an' : 'a'} ${PACK_KIND_LABELS[header.kind]} from ${header.from.name}: ` +
        `it opens on ${header.to.name}'s laptop (pack open); nothing was changed`,
    );
  const of = returnPayloadBaseSchema.safeParse(body.payload);
  if (!of.success) throw new Refusal('invalid_input', 'The return does not say which pack it answers');
  const kind = kindModule(of.data.of);
  return ctx.store.transaction(() => {
    const identity = ctx.store.packs.roundByUid(header.round.uid);
    if (!identity || identity.copyOf)
      throw new Refusal(
        'not_found',
        `This return is for round "${header.round.name}", which is not one of this office's rounds; ` +
          'nothing was changed',
      );
    const round = mustGetRound(ctx, identity.id);
    noteRound(ctx, round.id);
    const sender = trustSender(ctx, header, round.id);
    const from = { name: sender.name, role: sender.role, fingerprint: header.from.fingerprint };
    const seen = ctx.store.packs.received(header.packId);
    if (seen) {
      if (seen.sha256 !== sha256)
        throw new Refusal(
          'conflict',
          'A different pack with the same id was received before; nothing was changed',
        );
      const before = JSON.parse(seen.summary) as { added?: number; unchanged?: number } & Record<
        string,
        unknown
      >;
      return {
        kind: header.kind,
        of: of.data.of,
        from,
        round: { id: round.id, name: round.name },
        added: 0,
        unchanged: (before.added ?? 0) + (before.unchanged ?? 0),
        conflicts: [],
        held: heldCounts(before),
        alreadyReceived: true,
      };
    }
    const last = lastReceivedBefore(ctx, round.id, sender, header.sequence);
    refuseReturnNotTheirs(ctx, round, sender, of.data.of);
    const answered = answeredPack(ctx, round, sender, of.data.of, header);
    const receivedAt = ctx.now();
    const outcome = kind.receive(ctx, {
      round,
      header,
      payload: body.payload,
      sender,
      answered,
      receivedAt,
      lastReceivedAt: last?.receivedAt ?? null,
    });
    ctx.store.packs.recordReceived(
      {
        packId: header.packId,
        kind: header.kind,
        roundId: round.id,
        personId: sender.id,
        sequence: header.sequence,
        sha256,
        // The office's clock, never the sender's claim (the header's createdAt is theirs).
        createdAt: receivedAt,
        summary: JSON.stringify({
          of: of.data.of,
          added: outcome.added,
          unchanged: outcome.unchanged,
          conflicts: outcome.conflicts.map((c) => c.message),
          ...outcome.summary,
        }),
      },
      receivedAt,
    );
    return {
      kind: header.kind,
      of: of.data.of,
      from,
      round: { id: round.id, name: round.name },
      added: outcome.added,
      unchanged: outcome.unchanged,
      conflicts: outcome.conflicts,
      held: heldCounts(outcome.summary),
      alreadyReceived: false,
    };
  });
}
