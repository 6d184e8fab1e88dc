import * as z from 'zod';
import {
  bidCreateSchema,
  bidDetailSchema,
  bidListSchema,
  bidRefSchema,
  bidSummarySchema,
  bidUpdateSchema,
} from '../bids';
import {
  caseImportSchema,
  scheduleImportResultSchema,
  scheduleImportSchema,
  schedulePreviewSchema,
} from '../imports';
import { type DomainContract } from './kit';

// The `bids:` channels of the contract (shared/contract.ts gathers every domain).
export const bidsContract = {
  'bids:list': { input: bidListSchema, output: z.array(bidSummarySchema) },
  'bids:get': { input: bidRefSchema, output: bidDetailSchema },
  'bids:create': { input: bidCreateSchema, output: bidDetailSchema },
  'bids:update': { input: bidUpdateSchema, output: bidDetailSchema },
  'bids:previewImport': { input: scheduleImportSchema, output: schedulePreviewSchema },
  'bids:import': { input: scheduleImportSchema, output: scheduleImportResultSchema },
  'bids:importCase': {
    input: caseImportSchema,
    output: z.object({
      bid: bidDetailSchema,
      sections: z.number().int(),
      costLines: z.number().int(),
      statedTotal: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  },
} as const satisfies DomainContract<'bids'>;
