import * as z from 'zod';
import { none, type DomainContract } from './kit';

// The `demo:` channels of the contract (shared/contract.ts gathers every domain).
export const demoContract = {
  'demo:load': {
    input: none,
    output: z.object({
      loaded: z.boolean(),
      notice: z.string(),
      rounds: z.array(
        z.object({ id: z.number().int(), fund: z.string(), name: z.string(), created: z.boolean() }),
      ),
    }),
  },
} as const satisfies DomainContract<'demo'>;
