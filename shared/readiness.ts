import * as z from 'zod';
import { idSchema } from './schemas';

// The readiness list shown before a notice is sent for sign-off or signed. What would make the
// decision unsound blocks (electron/handlers/decision-checks.ts); what a board would ask about is a
// warning, and going ahead despite one needs a recorded reason; what already has a reason recorded
// (an award away from the ranking, say) is noted. One handler computes the list for the page and
// for the two write channels that enforce it (electron/handlers/readiness.ts).

export const READINESS_LEVELS = ['blocking', 'warning', 'noted'] as const;
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** The round's pages an item can send someone to, to put it right. */
export const ROUND_PAGES = [
  'overview',
  'bids',
  'import',
  'framework',
  'assessment',
  'moderation',
  'ranking',
  'board',
  'allocation',
  'notice',
] as const;
export type RoundPage = (typeof ROUND_PAGES)[number];

/** The address of a round's page, for links in the renderer. */
export const roundPagePath = (roundId: number, page: RoundPage) =>
  page === 'overview' ? `/rounds/${roundId}` : `/rounds/${roundId}/${page}`;

export const readinessItemSchema = z.object({
  level: z.enum(READINESS_LEVELS),
  message: z.string(),
  page: z.enum(ROUND_PAGES),
  /** The link's words: what to do there. */
  fix: z.string(),
});
export type ReadinessItem = z.infer<typeof readinessItemSchema>;

export const readinessSchema = z.object({
  roundId: idSchema,
  items: z.array(readinessItemSchema),
  blocking: z.number().int(),
  warnings: z.number().int(),
});
export type Readiness = z.infer<typeof readinessSchema>;

/** Why the notice goes ahead despite the list's warnings; blank is no reason at all. */
export const readinessReasonSchema = z
  .string()
  .trim()
  .max(2_000, { error: 'The reason must be 2,000 characters or fewer' })
  .optional()
  .transform((v) => v || undefined);
