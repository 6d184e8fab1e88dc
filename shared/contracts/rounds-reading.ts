import * as z from 'zod';
import { roundListSchema, roundRefSchema, roundSchema } from '../rounds';

// The `rounds:` channels that take a round or the list as they are: their own part of the rounds
// contract (contracts/load.ts), so listing rounds, the commonest command, builds neither the input
// schemas of creating and changing a round nor those of the dashboard and progress pages.
export const roundsReadingContract = {
  'rounds:list': { input: roundListSchema, output: z.array(roundSchema) },
  'rounds:get': { input: roundRefSchema, output: roundSchema },
  'rounds:archive': { input: roundRefSchema, output: roundSchema },
  'rounds:restore': { input: roundRefSchema, output: roundSchema },
} as const;
