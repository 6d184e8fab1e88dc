import * as z from 'zod';
import { exportedFileSchema } from '../assessment';
import { lettersExportSchema } from '../notices';
import { type DomainContract } from './kit';

// The `letters:` channels of the contract (shared/contract.ts gathers every domain).
export const lettersContract = {
  'letters:export': {
    input: lettersExportSchema,
    output: z.array(exportedFileSchema.extend({ summary: z.string() })),
  },
} as const satisfies DomainContract<'letters'>;
