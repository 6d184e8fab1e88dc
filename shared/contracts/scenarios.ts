import * as z from 'zod';
import { allocationSchema, scenarioSaveSchema, scenarioSchema } from '../assessment';
import { type DomainContract } from './kit';

// The `scenarios:` channels of the contract (shared/contract.ts gathers every domain).
export const scenariosContract = {
  'scenarios:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(scenarioSchema),
  },
  'scenarios:save': { input: scenarioSaveSchema, output: z.array(scenarioSchema) },
  'scenarios:adopt': {
    input: z.object({
      roundId: z.number().int().positive(),
      scenarioId: z.number().int().positive(),
      /** Needed when the scenario departs from the ranking. */
      reason: z.string().trim().max(2_000).optional(),
    }),
    output: allocationSchema,
  },
} as const satisfies DomainContract<'scenarios'>;
