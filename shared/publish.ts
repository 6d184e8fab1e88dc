import * as z from 'zod';
import { isIsoDate } from './dates';

// What a PCC must publish about its grants: the Elected Local Policing Bodies (Specified Information)
// Order 2011, article 3(f), asks for each crime and disorder reduction grant the recipient, amount,
// conditions, purpose and the reasons the commissioner considers it will reduce crime and disorder.

const periodDate = (label: string) =>
  z.string().refine(isIsoDate, { error: `${label} must be a real date, like 2013-11-01` });

export const registerInputSchema = z
  .object({
    from: periodDate('--from'),
    to: periodDate('--to'),
    format: z.enum(['csv', 'xlsx']),
  })
  .refine((v) => v.from <= v.to, { error: 'The period must not end before it starts', path: ['to'] });

export const REGISTER_COLUMNS = [
  'Decision number',
  'Decision date',
  'Recipient',
  'Amount (£)',
  'Conditions',
  'Purpose',
  'Reasons it will reduce crime and disorder',
  'Fund',
  'Round',
] as const;

/**
 * An organisation identifier as org-id.guide gives them: a list code (country and register) and
 * the identifier that register gives, like GB-CHC-1234567. 360Giving builds its ids from them.
 */
export const ORG_ID_PATTERN = /^[A-Z]{2,}-[A-Z0-9]+-[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const ORG_ID_MESSAGE =
  'The org-id must be an org-id.guide identifier: the list code and the number it gives, like GB-CHC-1234567';

export const threeSixtyGivingInputSchema = z.object({
  roundId: z.number().int().positive(),
  /** Left out, the office's kept org-id is used (office set --org-id). */
  orgId: z.string().trim().regex(ORG_ID_PATTERN, { error: ORG_ID_MESSAGE }).optional(),
});
