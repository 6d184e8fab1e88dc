import * as z from 'zod';
import type { Channel } from '../channels';

// What every domain's part of the contract is made of. Each domain (`rounds:`, `bids:` …) has a file
// of its own in this folder, so that a caller needing one channel builds only that domain's zod
// schemas (contracts/load.ts); shared/contract.ts gathers them all into the one contract.

/** One operation: the zod schema its input is parsed with, and the one its output must match. */
export interface Operation {
  input: z.ZodType;
  output: z.ZodType;
}

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
/** The part of a channel's name before the colon: `rounds` for `rounds:create`. */
export type Domain = DomainOf<Channel>;

/** Exactly the channels of one domain, each with its operation. */
export type DomainContract<D extends Domain> = {
  [C in Channel as C extends `${D}:${string}` ? C : never]: Operation;
};

/** The input of a channel that takes none. */
export const none = z.object({}).strict().default({});
