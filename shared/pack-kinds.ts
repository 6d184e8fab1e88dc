// The kinds of pack, apart from the schemas in packs.ts, so that the command line can name them
// without building those schemas.

/**
 * What a pack carries: office → assessor, board member or commissioner, or an officer following a
 * signed round's grants away from the office (delivery), or their return.
 */
export const PACK_KINDS = ['assessor', 'return', 'board', 'signoff', 'delivery'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/** The kinds an office sends out; each has its return, which names the kind it answers in `of`. */
export const OUTBOUND_KINDS = ['assessor', 'board', 'signoff', 'delivery'] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

export const PACK_KIND_LABELS: Record<PackKind, string> = {
  assessor: 'assessor pack',
  return: 'return pack',
  board: 'board pack',
  signoff: 'sign-off pack',
  delivery: 'delivery pack',
};
