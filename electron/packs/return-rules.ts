import { ROLE_LABELS, type Person } from '../../shared/people';
import { PACK_KIND_LABELS, type OUTBOUND_KINDS } from '../../shared/packs';
import type { Round } from '../../shared/rounds';
import type { HandlerContext } from '../handlers/context';
import { Refusal } from '../handlers/refusal';

// A return is applied as a local write by its sender would be: it brings back only their own work
// on a pack this office sent them for that round, and only while their role is one that may do that
// work here. Each kind then holds its rows to the rules of the write itself (stage, range, a
// submitted sheet final: electron/packs/kinds/*-merge.ts).

type ReturnKind = (typeof OUTBOUND_KINDS)[number];

/** The roles that may do locally what each kind of return brings back (shared/rule-book.ts). */
const MAY_RETURN: Record<ReturnKind, readonly Person['role'][]> = {
  assessor: ['policy_officer', 'lead_officer'],
  board: ['board_member', 'lead_officer'],
  signoff: ['commissioner'],
  delivery: ['policy_officer', 'lead_officer'],
};

export function refuseReturnNotTheirs(ctx: HandlerContext, round: Round, sender: Person, of: ReturnKind) {
  const label = PACK_KIND_LABELS[of].toLowerCase();
  const sent = ctx.store.packs.sentForRound(round.id).some((p) => p.kind === of && p.personId === sender.id);
  if (!sent)
    throw new Refusal(
      'forbidden',
      `This office sent ${sender.name} no ${label} for "${round.name}": a return brings back only its sender's ` +
        'own work on a pack they were sent; nothing was changed',
    );
  if (!MAY_RETURN[of].includes(sender.role))
    throw new Refusal(
      'forbidden',
      `${sender.name} is now a ${ROLE_LABELS[sender.role].toLowerCase()}, who cannot do the work of a ${label} ` +
        'here; nothing was changed',
    );
}
