import * as z from 'zod';
import { OUTBOUND_KINDS } from '../../shared/packs';
import type { ReadContext } from '../handlers/context';

// What `rounds.copy_of` holds on a round copy: which kind of pack made it, from whom, for whom,
// and the proof binding the recipient's key to their enrolment code (made when the code was given
// at `pack open`, so the code itself is never kept), which their returns carry to the office, and
// the pack it was opened from with the office's chain head, which their returns name.

export const copyOfSchema = z.object({
  kind: z.enum(OUTBOUND_KINDS),
  from: z.string(),
  fingerprint: z.string(),
  to: z.string(),
  openedAt: z.string(),
  enrolment: z.object({ id: z.string(), proof: z.string() }).optional(),
  /** The pack the copy was last opened from, and the office's chain head it carried: returns name both. */
  pack: z
    .object({
      id: z.string(),
      chainHead: z.object({ seq: z.number(), hash: z.string() }).nullable(),
    })
    .optional(),
});
export type CopyOf = z.infer<typeof copyOfSchema>;

/** The copy's origin, or null for a round this database owns. */
export function readCopyOf(ctx: ReadContext, roundId: number): CopyOf | null {
  const copyOf = ctx.store.packs.roundIdentity(roundId)?.copyOf;
  return copyOf ? copyOfSchema.parse(JSON.parse(copyOf)) : null;
}
