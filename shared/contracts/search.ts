import * as z from 'zod';
import { searchHitSchema, searchInputSchema } from '../dashboard';
import { type DomainContract } from './kit';

// The `search:` channels of the contract (shared/contract.ts gathers every domain).
export const searchContract = {
  'search:query': { input: searchInputSchema, output: z.array(searchHitSchema) },
} as const satisfies DomainContract<'search'>;
