import { PACK_KIND_LABELS, type OutboundKind } from '../../../shared/packs';
import { Refusal } from '../../handlers/refusal';
import { assessorKind } from './assessor';
import { boardKind } from './board';
import { deliveryKind } from './delivery';
import { signoffKind } from './signoff';
import type { PackKindModule } from './types';

// The kinds of pack this Tranche can make and open, one module each (the interface is in
// types.ts). A kind not listed yet is refused by name, with nothing written.

const MODULES: Record<OutboundKind, PackKindModule | null> = {
  assessor: assessorKind,
  board: boardKind,
  signoff: signoffKind,
  delivery: deliveryKind,
};

export function kindModule(kind: OutboundKind): PackKindModule {
  const found = MODULES[kind];
  if (!found)
    throw new Refusal(
      'invalid_input',
      `A ${PACK_KIND_LABELS[kind]} is not yet supported by this version of Tranche; nothing was changed`,
    );
  return found;
}
