import {
  packFileSchema,
  packListSchema,
  packLogSchema,
  packMadeSchema,
  packMakeSchema,
  packOpenSchema,
  packOpenedSchema,
  packReceiveSchema,
  packReceivedSchema,
  packReturnSchema,
} from '../packs';
import { type DomainContract } from './kit';

// The `packs:` channels of the contract (shared/contract.ts gathers every domain).
export const packsContract = {
  'packs:make': { input: packMakeSchema, output: packMadeSchema },
  'packs:open': { input: packOpenSchema, output: packOpenedSchema },
  'packs:return': { input: packReturnSchema, output: packFileSchema },
  'packs:receive': { input: packReceiveSchema, output: packReceivedSchema },
  'packs:list': { input: packListSchema, output: packLogSchema },
} as const satisfies DomainContract<'packs'>;
