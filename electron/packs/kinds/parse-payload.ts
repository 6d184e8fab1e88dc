import type { z } from 'zod';
import { Refusal } from '../../handlers/refusal';

// A pack's payload is checked against its kind's schema only after its signature holds, so a
// payload that does not fit was made by something other than Tranche (or a version that wrote
// it differently): refused whole, named, nothing written.

export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Refusal(
      'invalid_input',
      `The ${what} is damaged or not one Tranche makes; nothing was changed`,
    );
  return parsed.data;
}
