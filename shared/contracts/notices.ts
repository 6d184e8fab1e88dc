import * as z from 'zod';
import { exportedFileSchema } from '../assessment';
import {
  noticeExportSchema,
  noticeSetSchema,
  noticeUpdateSchema,
  noticeViewSchema,
  signSchema,
  wordingSchema,
} from '../notices';
import { readinessReasonSchema, readinessSchema } from '../readiness';
import { type DomainContract } from './kit';

// The `notices:` channels of the contract (shared/contract.ts gathers every domain).
export const noticesContract = {
  'notices:template': { input: z.object({ fund: z.string().trim().min(1) }), output: wordingSchema },
  'notices:setTemplate': {
    input: z.object({ fund: z.string().trim().min(1), wording: wordingSchema }),
    output: wordingSchema,
  },
  'notices:get': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: noticeViewSchema.nullable(),
  },
  'notices:create': { input: z.object({ roundId: z.number().int().positive() }), output: noticeViewSchema },
  'notices:update': { input: noticeUpdateSchema, output: noticeViewSchema },
  'notices:set': { input: noticeSetSchema, output: noticeViewSchema },
  'notices:readiness': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: readinessSchema,
  },
  'notices:ready': {
    input: z.object({ roundId: z.number().int().positive(), readinessReason: readinessReasonSchema }),
    output: noticeViewSchema,
  },
  'notices:sign': { input: signSchema, output: noticeViewSchema },
  'notices:supersede': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: noticeViewSchema,
  },
  'notices:export': { input: noticeExportSchema, output: exportedFileSchema },
} as const satisfies DomainContract<'notices'>;
