import { appInfoSchema } from '../app-info';
import { none, type DomainContract } from './kit';

// The `app:` channels of the contract (shared/contract.ts gathers every domain).
export const appContract = {
  'app:info': { input: none, output: appInfoSchema },
} as const satisfies DomainContract<'app'>;
