import * as z from 'zod';
import { frameworkSchema, frameworkUpdateSchema, frameworkUseSchema } from '../frameworks';
import { type DomainContract } from './kit';

// The `frameworks:` channels of the contract (shared/contract.ts gathers every domain).
export const frameworksContract = {
  'frameworks:get': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: frameworkSchema.nullable(),
  },
  'frameworks:use': { input: frameworkUseSchema, output: frameworkSchema },
  'frameworks:update': { input: frameworkUpdateSchema, output: frameworkSchema },
} as const satisfies DomainContract<'frameworks'>;
