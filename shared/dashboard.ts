import * as z from 'zod';
import { flagSchema } from './checks';
import { roundSchema } from './rounds';

export const partnershipFiguresSchema = z.object({
  partnershipId: z.number().int(),
  partnership: z.string(),
  bidCount: z.number().int(),
  requestedPence: z.number().int(),
  reducedRequestedPence: z.number().int(),
  /** The subtotal an imported schedule stated for this partnership, if any. */
  statedPence: z.number().int().nullable(),
  flaggedBidCount: z.number().int(),
});

export const roundDashboardSchema = z.object({
  round: roundSchema,
  /** Requested less available: above zero the round is over-subscribed by that much. */
  overPence: z.number().int(),
  overWithReductionsPence: z.number().int(),
  partnerships: z.array(partnershipFiguresSchema),
  /** Known partnerships with no bid in this round. */
  partnershipsWithoutBids: z.array(z.string()),
  flaggedBidCount: z.number().int(),
  /** Problems with the round as a whole, such as subtotals that disagree with their bids. */
  flags: z.array(flagSchema),
  bidsByStatus: z.record(z.string(), z.number().int()),
});
export type RoundDashboard = z.infer<typeof roundDashboardSchema>;

export const searchInputSchema = z.object({
  text: z.string().trim().min(1, { error: 'Enter something to search for' }).max(200),
  roundId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});

export const searchHitSchema = z.object({
  bidId: z.number().int(),
  roundId: z.number().int(),
  ref: z.string(),
  partnership: z.string(),
  title: z.string(),
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
