import * as z from 'zod';
import { databaseStatusSchema, historyEntrySchema, historyInputSchema } from '../audit';
import { none, type DomainContract } from './kit';

// The `audit:` channels of the contract (shared/contract.ts gathers every domain).
export const auditContract = {
  'audit:history': { input: historyInputSchema, output: z.array(historyEntrySchema) },
  'audit:status': { input: none, output: databaseStatusSchema },
} as const satisfies DomainContract<'audit'>;
