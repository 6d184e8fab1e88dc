import { chainHolds } from '../../db/audit/chain';
import { PACK_KIND_LABELS, type OutboundKind, type PackChainHead, type PackHeader } from '../../shared/packs';
import type { Person } from '../../shared/people';
import type { Round } from '../../shared/rounds';
import type { HandlerContext } from '../handlers/context';
import { Refusal } from '../handlers/refusal';

// A return names the pack it answers and the office's audit chain head that pack carried. The
// office takes it only when it sent that very pack to its sender, the head is the one it recorded
// for that pack, and its chain still holds that entry as it was: a record re-written since the
// pack went out (the chain re-linked from a database copy) refuses every return to packs made
// before, so work done against a record that no longer stands is never merged into it.

export interface AnsweredPack {
  packId: string;
  /** When the office made it, by the office's clock. */
  createdAt: string;
  chainHead: PackChainHead | null;
}

const sameHead = (a: PackChainHead | null, b: PackChainHead | null) =>
  a === b || (a !== null && b !== null && a.seq === b.seq && a.hash === b.hash);

export function answeredPack(
  ctx: HandlerContext,
  round: Round,
  sender: Person,
  of: OutboundKind,
  header: PackHeader,
): AnsweredPack {
  const label = PACK_KIND_LABELS[of];
  const answers = header.answers;
  if (!answers)
    throw new Refusal(
      'conflict',
      `This return from ${sender.name} does not name the ${label} it answers (it was made by an older Tranche): ` +
        'update Tranche on their laptop and return it again; nothing was changed',
    );
  const sent = ctx.store.packs
    .sentForRound(round.id)
    .find((p) => p.packId === answers.packId && p.kind === of && p.personId === sender.id);
  if (!sent)
    throw new Refusal(
      'forbidden',
      `This return answers ${of === 'assessor' ? 'an' : 'a'} ${label} this office did not send to ` +
        `${sender.name} for "${round.name}"; nothing was changed`,
    );
  const recorded = (JSON.parse(sent.summary) as { chainHead?: PackChainHead | null }).chainHead ?? null;
  if (!sameHead(recorded, answers.chainHead))
    throw new Refusal(
      'forbidden',
      `This return names a different record of the office than the ${label} it answers carried ` +
        `(a copy opened by an older Tranche names none): send ${sender.name} a new pack; nothing was changed`,
    );
  if (recorded && !chainHolds(ctx.store.sqlite, recorded))
    throw new Refusal(
      'conflict',
      `The ${label} this return answers was made when the office's record stood at entry ${recorded.seq}, and ` +
        'the record no longer holds that entry as it was: it was re-written since. Run verify; nothing was changed',
    );
  return { packId: sent.packId, createdAt: sent.createdAt, chainHead: recorded };
}
