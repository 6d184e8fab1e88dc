import * as z from 'zod';
import { boardPackSchema, boardViewInputSchema } from '../assessment';
import { type DomainContract } from './kit';

// The `board:` channels of the contract (shared/contract.ts gathers every domain).
export const boardContract = {
  'board:pack': { input: z.object({ roundId: z.number().int().positive() }), output: boardPackSchema },
  'board:recordView': { input: boardViewInputSchema, output: boardPackSchema },
} as const satisfies DomainContract<'board'>;
