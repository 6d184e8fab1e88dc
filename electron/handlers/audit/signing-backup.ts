import type { HandlerContext } from '../context';

// A round signed during an operation is backed up once the operation has committed (VACUUM INTO
// cannot run inside its transaction). Signing notes it here, wherever the signature came from (the
// commissioner signing on this laptop, or their signature received in a pack), and the audit
// recorder takes the note after the commit (electron/handlers/audit/record.ts).

const signed = new WeakSet<HandlerContext>();

/** Notes that this operation signed a round: back it up after it commits. */
export function noteSigning(ctx: HandlerContext): void {
  signed.add(ctx);
}

/** Whether this operation signed a round, clearing the note. */
export function takeSigning(ctx: HandlerContext): boolean {
  return signed.delete(ctx);
}
