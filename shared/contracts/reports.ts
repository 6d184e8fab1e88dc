import * as z from 'zod';
import { exportedFileSchema, fundReportSchema, priorityReportSchema } from '../assessment';
import { deliveryReportSchema, grantListInputSchema } from '../grants';
import { type DomainContract } from './kit';

// The `reports:` channels of the contract (shared/contract.ts gathers every domain).
export const reportsContract = {
  'reports:fund': {
    input: z.object({ fund: z.string().trim().min(1, { error: 'Name the fund' }) }),
    output: fundReportSchema,
  },
  'reports:fundXlsx': {
    input: z.object({ fund: z.string().trim().min(1, { error: 'Name the fund' }) }),
    output: exportedFileSchema,
  },
  'reports:byPriority': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: priorityReportSchema,
  },
  'reports:delivery': { input: grantListInputSchema, output: deliveryReportSchema },
  'reports:deliveryXlsx': { input: grantListInputSchema, output: exportedFileSchema },
} as const satisfies DomainContract<'reports'>;
