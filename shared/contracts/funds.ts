import * as z from 'zod';
import { fundSchema } from '../rounds';
import { none, type DomainContract } from './kit';

// The `funds:` channels of the contract (shared/contract.ts gathers every domain).
export const fundsContract = {
  'funds:list': { input: none, output: z.array(fundSchema) },
} as const satisfies DomainContract<'funds'>;
