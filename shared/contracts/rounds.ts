import * as z from 'zod';
import { roundDashboardSchema } from '../dashboard';
import { roundProgressSchema } from '../progress';
import { roundCreateSchema, roundUpdateSchema, stageMoveSchema } from '../round-inputs';
import { roundRefSchema, roundSchema } from '../rounds';
import { type DomainContract } from './kit';
import { roundsReadingContract } from './rounds-reading';

// The `rounds:` channels of the contract (shared/contract.ts gathers every domain).
export const roundsContract = {
  ...roundsReadingContract,
  'rounds:create': { input: roundCreateSchema, output: roundSchema },
  'rounds:update': { input: roundUpdateSchema, output: roundSchema },
  'rounds:setStage': { input: stageMoveSchema, output: roundSchema },
  'rounds:dashboard': { input: roundRefSchema, output: roundDashboardSchema },
  'rounds:progress': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: roundProgressSchema,
  },
} as const satisfies DomainContract<'rounds'>;
