import * as z from 'zod';
import { shortlistOverrideSchema, shortlistRuleSchema, shortlistSchema } from '../assessment';
import { type DomainContract } from './kit';

// The `shortlist:` channels of the contract (shared/contract.ts gathers every domain).
export const shortlistContract = {
  'shortlist:get': { input: z.object({ roundId: z.number().int().positive() }), output: shortlistSchema },
  'shortlist:setRule': { input: shortlistRuleSchema, output: shortlistSchema },
  'shortlist:override': { input: shortlistOverrideSchema, output: shortlistSchema },
} as const satisfies DomainContract<'shortlist'>;
