import * as z from 'zod';
import { isIsoDate } from './dates';
import { formatMoney, MAX_PENCE } from './money';

// Building blocks reused by every domain's input schemas, with messages written for the person
// who typed the value.

export const idSchema = z.number({ error: 'An id is required' }).int().positive();

export const penceSchema = (label: string) =>
  z
    .number({ error: `${label} must be an amount of money` })
    .int({ error: `${label} must be a whole number of pence` })
    .min(0, { error: `${label} cannot be negative` })
    .max(MAX_PENCE, { error: `${label} cannot be more than ${formatMoney(MAX_PENCE)}` });

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `The ${label} must be ${max} characters or fewer` });

/** Free text that may be left out; blank becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `The ${label} must be ${max} characters or fewer` })
    .nullish()
    .transform((value) => (value ? value : null));

export const isoDateSchema = (label: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `${label} must be a real date, like 2013-11-05` })
    .nullish()
    .transform((value) => value ?? null);

/** `2013-14`: a UK financial year, the second part the year after the first. */
export const financialYearSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}$/, { error: 'Write the financial year like 2013-14' })
  .refine((value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)), {
    error: 'A financial year runs into the next year, like 2013-14',
  })
  .nullish()
  .transform((value) => value ?? null);

export const timestampSchema = z.string();
