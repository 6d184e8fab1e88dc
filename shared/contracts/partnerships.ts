import * as z from 'zod';
import { partnershipAddSchema, partnershipSchema } from '../organisations';
import { none, type DomainContract } from './kit';

// The `partnerships:` channels of the contract (shared/contract.ts gathers every domain).
export const partnershipsContract = {
  'partnerships:list': { input: none, output: z.array(partnershipSchema) },
  'partnerships:add': { input: partnershipAddSchema, output: partnershipSchema },
} as const satisfies DomainContract<'partnerships'>;
