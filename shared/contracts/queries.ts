import * as z from 'zod';
import { bidQuerySchema, queryRaiseSchema, queryResolveSchema } from '../assessment';
import { type DomainContract } from './kit';

// The `queries:` channels of the contract (shared/contract.ts gathers every domain).
export const queriesContract = {
  'queries:raise': { input: queryRaiseSchema, output: z.array(bidQuerySchema) },
  'queries:resolve': { input: queryResolveSchema, output: z.array(bidQuerySchema) },
  'queries:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(bidQuerySchema),
  },
} as const satisfies DomainContract<'queries'>;
