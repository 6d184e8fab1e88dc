import { exportedFileSchema, scoresImportSchema } from '../assessment';
import { grantRefInputSchema, returnImportResultSchema } from '../grants';
import { type DomainContract } from './kit';

// The `returns:` channels of the contract (shared/contract.ts gathers every domain).
export const returnsContract = {
  'returns:template': { input: grantRefInputSchema, output: exportedFileSchema },
  'returns:import': { input: scoresImportSchema, output: returnImportResultSchema },
} as const satisfies DomainContract<'returns'>;
