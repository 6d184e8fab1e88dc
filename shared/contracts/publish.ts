import { exportedFileSchema } from '../assessment';
import { registerInputSchema, threeSixtyGivingInputSchema } from '../publish';
import { type DomainContract } from './kit';

// The `publish:` channels of the contract (shared/contract.ts gathers every domain).
export const publishContract = {
  'publish:register': { input: registerInputSchema, output: exportedFileSchema },
  'publish:threeSixtyGiving': { input: threeSixtyGivingInputSchema, output: exportedFileSchema },
} as const satisfies DomainContract<'publish'>;
