import { officeSettingsSchema } from '../notices';
import { none, type DomainContract } from './kit';

// The `office:` channels of the contract (shared/contract.ts gathers every domain).
export const officeContract = {
  'office:get': { input: none, output: officeSettingsSchema },
  'office:set': { input: officeSettingsSchema, output: officeSettingsSchema },
} as const satisfies DomainContract<'office'>;
