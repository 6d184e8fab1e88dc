import { z } from 'zod';
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
