import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract';
import type { PackHeader } from '../../shared/packs';
import { actingPerson } from '../handlers/actor';
import type { HandlerContext } from '../handlers/context';
import { signingIdentity } from '../handlers/identity';
import { notFound, Refusal } from '../handlers/refusal';
import { mustGetRound } from '../handlers/round-lookup';
import { readCopyOf, type CopyOf } from './copy';
import { writePack } from './format';
import { newPackId, packFileName, partyOf, roundRef } from './header';
import { kindModule } from './kinds';

// packs:return: on the recipient's laptop, their work on a round copy goes back to the office as a
// return pack, signed with their key. Until the office has pinned that key, the return carries the
// proof binding it to the enrolment code (kept on the copy since the pack was opened). It names the
// pack it answers and the office's chain head that pack carried, which the office checks.

/**
 * The pack the copy answers. A copy opened by an older Tranche did not keep it: its return names
 * the last such pack opened, with no head, which the office takes only for a pack it made before
 * packs carried heads.
 */
function answering(ctx: HandlerContext, roundId: number, copy: CopyOf): Pick<PackHeader, 'answers'> {
  if (copy.pack) return { answers: { packId: copy.pack.id, chainHead: copy.pack.chainHead } };
  const opened = ctx.store.packs.receivedForRound(roundId).find((p) => p.kind === copy.kind);
  return opened ? { answers: { packId: opened.packId, chainHead: null } } : {};
}

export function returnPack(ctx: HandlerContext, input: ParsedInput<'packs:return'>) {
  return ctx.store.transaction(() => {
    const me = actingPerson(ctx, 'return a pack');
    const signer = signingIdentity(ctx);
    const round = mustGetRound(ctx, input.roundId);
    const copy = readCopyOf(ctx, round.id);
    if (!copy)
      throw new Refusal(
        'conflict',
        `Round "${round.name}" is this database's own, not a copy from an office: there is nothing to return`,
      );
    if (copy.to.toLowerCase() !== me.name.toLowerCase())
      throw new Refusal(
        'forbidden',
        `This copy of "${round.name}" was sent to ${copy.to}: only they can return it`,
      );
    const office = ctx.store.people.findByName(copy.from);
    if (!office) throw notFound(`${copy.from}, who sent the round,`);
    const kind = kindModule(copy.kind);
    const { payload, summary } = kind.answer(ctx, { roundId: round.id, me });
    const now = ctx.now();
    const header: PackHeader = {
      packId: newPackId(),
      kind: 'return',
      createdAt: now,
      round: roundRef(ctx, round),
      from: partyOf(me, signer.publicKey),
      to: { name: office.name, role: office.role },
      sequence: ctx.store.packs.nextSequence(round.id),
      ...(copy.enrolment ? { enrolment: copy.enrolment } : {}),
      ...answering(ctx, round.id, copy),
    };
    const bytes = writePack({ header, payload }, signer.privateKey);
    ctx.store.packs.recordSent({
      packId: header.packId,
      kind: 'return',
      roundId: round.id,
      personId: office.id,
      sequence: header.sequence,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: now,
      summary: JSON.stringify({ of: copy.kind, ...summary }),
    });
    return { fileName: packFileName(round, 'return', me), bytesBase64: bytes.toString('base64') };
  });
}
