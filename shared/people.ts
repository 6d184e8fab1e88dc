import { z } from 'zod';
import { idSchema, requiredText } from './schemas';

export const ROLES = ['policy_officer', 'lead_officer', 'board_member', 'commissioner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  policy_officer: 'Policy officer',
  lead_officer: 'Lead officer',
  board_member: 'Board member',
  commissioner: 'Commissioner',
};

/** Accepts "lead officer", "Lead-Officer" or "lead_officer" from people and files. */
export const roleSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      : value,
  z.enum(ROLES, { error: 'The role must be policy officer, lead officer, board member or commissioner' }),
);

export const personSchema = z.object({ id: idSchema, name: z.string(), role: z.enum(ROLES) });
export type Person = z.infer<typeof personSchema>;

export const personCreateSchema = z.object({ name: requiredText('name', 120), role: roleSchema });

export const profileSetSchema = z.union([z.object({ personId: idSchema }), personCreateSchema]);
