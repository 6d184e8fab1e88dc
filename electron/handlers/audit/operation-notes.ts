import type { ChainHead } from '../../../db/audit/chain';
import type { HandlerContext } from '../context';

// What an operation tells the audit recorder (electron/handlers/audit/record.ts) that its input
// does not show: the rounds it touched when the input names none (a pack names its round only by
// its uid, inside the file), so the round's history lists it; and that it signed a round, which
// is backed up once the operation has committed (VACUUM INTO cannot run inside its transaction),
// wherever the signature came from: signed on this laptop, or received in a pack. And the chain head
// a pack it made carries, which its entry records so that `verify` checks the chain still holds it.

interface Notes {
  rounds: Set<number>;
  signed: boolean;
  /** The chain head a file this operation wrote carries (a pack): its entry names it too. */
  anchor?: ChainHead | null;
}

const notes = new WeakMap<HandlerContext, Notes>();

function notesOf(ctx: HandlerContext): Notes {
  let found = notes.get(ctx);
  if (!found) notes.set(ctx, (found = { rounds: new Set(), signed: false }));
  return found;
}

/** Notes a round this operation touched, for its entry in the audit chain. */
export function noteRound(ctx: HandlerContext, roundId: number): void {
  notesOf(ctx).rounds.add(roundId);
}

/** The rounds noted so far in this operation. */
export function notedRounds(ctx: HandlerContext): number[] {
  return [...(notes.get(ctx)?.rounds ?? [])];
}

/** Notes the chain head a file made by this operation carries, for its entry in the audit chain. */
export function noteAnchor(ctx: HandlerContext, head: ChainHead | null): void {
  notesOf(ctx).anchor = head;
}

/** The chain head noted by this operation; undefined when it made no file that carries one. */
export function notedAnchor(ctx: HandlerContext): ChainHead | null | undefined {
  return notes.get(ctx)?.anchor;
}

/** Notes that this operation signed a round: back it up after it commits. */
export function noteSigning(ctx: HandlerContext): void {
  notesOf(ctx).signed = true;
}

/** Ends the operation's notes, saying whether it signed a round. */
export function takeSigning(ctx: HandlerContext): boolean {
  const signed = notes.get(ctx)?.signed ?? false;
  notes.delete(ctx);
  return signed;
}
