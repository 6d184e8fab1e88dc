import * as z from 'zod';
import { roundDashboardSchema } from '../dashboard';
import { roundProgressSchema } from '../progress';
import {
  roundCreateSchema,
  roundListSchema,
  roundRefSchema,
  roundSchema,
  roundUpdateSchema,
  stageMoveSchema,
} from '../rounds';
import { type DomainContract } from './kit';

// The `rounds:` channels of the contract (shared/contract.ts gathers every domain).
export const roundsContract = {
  'rounds:list': { input: roundListSchema, output: z.array(roundSchema) },
  'rounds:get': { input: roundRefSchema, output: roundSchema },
  'rounds:create': { input: roundCreateSchema, output: roundSchema },
  'rounds:update': { input: roundUpdateSchema, output: roundSchema },
  'rounds:archive': { input: roundRefSchema, output: roundSchema },
  'rounds:restore': { input: roundRefSchema, output: roundSchema },
  'rounds:setStage': { input: stageMoveSchema, output: roundSchema },
  'rounds:dashboard': { input: roundRefSchema, output: roundDashboardSchema },
  'rounds:progress': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: roundProgressSchema,
  },
} as const satisfies DomainContract<'rounds'>;
