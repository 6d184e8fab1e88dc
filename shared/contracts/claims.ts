import { claimAddInputSchema, claimApproveInputSchema, claimResultSchema } from '../grants';
import { type DomainContract } from './kit';

// The `claims:` channels of the contract (shared/contract.ts gathers every domain).
export const claimsContract = {
  'claims:add': { input: claimAddInputSchema, output: claimResultSchema },
  'claims:approve': { input: claimApproveInputSchema, output: claimResultSchema },
} as const satisfies DomainContract<'claims'>;
