import * as z from 'zod';
import { allocateSchema, allocationSchema, suggestInputSchema, suggestionSchema } from '../assessment';
import { type DomainContract } from './kit';

// The `allocation:` channels of the contract (shared/contract.ts gathers every domain).
export const allocationContract = {
  'allocation:get': { input: z.object({ roundId: z.number().int().positive() }), output: allocationSchema },
  'allocation:set': { input: allocateSchema, output: allocationSchema },
  'allocation:suggest': { input: suggestInputSchema, output: suggestionSchema },
} as const satisfies DomainContract<'allocation'>;
