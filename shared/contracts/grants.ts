import * as z from 'zod';
import { exportedFileSchema } from '../assessment';
import {
  closeInputSchema,
  diligenceInputSchema,
  grantDetailSchema,
  grantListInputSchema,
  grantRefInputSchema,
  grantSummarySchema,
  scheduleInputSchema,
  signAgreementInputSchema,
  thresholdInputSchema,
  varyInputSchema,
} from '../grants';
import { none, type DomainContract } from './kit';

// The `grants:` channels of the contract (shared/contract.ts gathers every domain).
export const grantsContract = {
  'grants:list': { input: grantListInputSchema, output: z.array(grantSummarySchema) },
  'grants:get': { input: grantRefInputSchema, output: grantDetailSchema },
  'grants:threshold': { input: none, output: z.object({ thresholdPence: z.number().int() }) },
  'grants:diligence': { input: diligenceInputSchema, output: grantDetailSchema },
  'grants:agreement': { input: grantRefInputSchema, output: exportedFileSchema },
  'grants:signAgreement': { input: signAgreementInputSchema, output: grantDetailSchema },
  'grants:schedule': { input: scheduleInputSchema, output: grantDetailSchema },
  'grants:vary': { input: varyInputSchema, output: grantDetailSchema },
  'grants:setThreshold': {
    input: thresholdInputSchema,
    output: z.object({ thresholdPence: z.number().int() }),
  },
  'grants:close': { input: closeInputSchema, output: grantDetailSchema },
} as const satisfies DomainContract<'grants'>;
