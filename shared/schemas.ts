import { z } from 'zod';
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

export const timestampSchema = z.string();
