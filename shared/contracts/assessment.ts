import * as z from 'zod';
import {
  alignSchema,
  alignmentViewSchema,
  assignSchema,
  breakdownSchema,
  coverageSchema,
  declareSchema,
  exportedFileSchema,
  moderateSchema,
  moderationViewSchema,
  myBidSchema,
  panelPackSchema,
  progressSchema,
  rankedBidSchema,
  rankingRowSchema,
  reopenSchema,
  scoreSaveSchema,
  scoresImportSchema,
  scoringSheetSchema,
  sheetExportSchema,
} from '../assessment';
import { type DomainContract } from './kit';

// The `assessment:` channels of the contract (shared/contract.ts gathers every domain).
export const assessmentContract = {
  'assessment:assign': {
    input: assignSchema,
    output: z.object({ changed: z.number().int(), warnings: z.array(z.string()) }),
  },
  'assessment:declare': { input: declareSchema, output: z.object({ declared: z.number().int() }) },
  'assessment:myBids': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(myBidSchema),
  },
  'assessment:sheet': { input: z.object({ bidId: z.number().int().positive() }), output: scoringSheetSchema },
  'assessment:score': { input: scoreSaveSchema, output: scoringSheetSchema },
  'assessment:reopen': { input: reopenSchema, output: scoringSheetSchema },
  'assessment:importScores': { input: scoresImportSchema, output: z.object({ imported: z.number().int() }) },
  'assessment:progress': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: progressSchema,
  },
  'assessment:moderation': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: moderationViewSchema,
  },
  'assessment:moderate': { input: moderateSchema, output: z.array(rankedBidSchema) },
  'assessment:ranking': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(rankedBidSchema),
  },
  'assessment:rankingRows': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(rankingRowSchema),
  },
  'assessment:breakdown': {
    input: z.object({ roundId: z.number().int().positive(), bidId: z.number().int().positive() }),
    output: breakdownSchema,
  },
  'assessment:alignment': {
    input: z.object({ bidId: z.number().int().positive() }),
    output: alignmentViewSchema,
  },
  'assessment:align': { input: alignSchema, output: z.object({ saved: z.number().int() }) },
  'assessment:coverage': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: coverageSchema,
  },
  'assessment:exportSheet': { input: sheetExportSchema, output: exportedFileSchema },
  'assessment:panelPack': { input: panelPackSchema, output: exportedFileSchema },
} as const satisfies DomainContract<'assessment'>;
