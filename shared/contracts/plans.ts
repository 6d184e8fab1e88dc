import * as z from 'zod';
import { planCreateSchema, planSchema } from '../organisations';
import { none, type DomainContract } from './kit';

// The `plans:` channels of the contract (shared/contract.ts gathers every domain).
export const plansContract = {
  'plans:list': { input: none, output: z.array(planSchema) },
  'plans:create': { input: planCreateSchema, output: planSchema },
} as const satisfies DomainContract<'plans'>;
