import * as z from 'zod';
import { feedbackApproveSchema, feedbackSetSchema, feedbackSummarySchema } from '../feedback';
import { type DomainContract } from './kit';

// The `feedback:` channels of the contract (shared/contract.ts gathers every domain).
export const feedbackContract = {
  'feedback:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(feedbackSummarySchema),
  },
  'feedback:set': { input: feedbackSetSchema, output: z.array(feedbackSummarySchema) },
  'feedback:approve': { input: feedbackApproveSchema, output: z.array(feedbackSummarySchema) },
} as const satisfies DomainContract<'feedback'>;
