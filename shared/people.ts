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

/** Matches MIN_PASSPHRASE_LENGTH in electron/identity/keys.ts. */
export const MIN_PASSPHRASE = 8;

/** A passphrase being chosen: long enough to resist guessing. Never trimmed: every character counts. */
export const newPassphraseSchema = z
  .string({ error: 'Choose a passphrase' })
  .min(MIN_PASSPHRASE, { error: `A passphrase needs at least ${MIN_PASSPHRASE} characters` })
  .max(1_000, { error: 'A passphrase must be 1,000 characters or fewer' });

/** A passphrase being proved. */
export const passphraseSchema = z
  .string({ error: 'Enter the passphrase' })
  .min(1, { error: 'Enter the passphrase' })
  .max(1_000);

/**
 * The passphrase every person in the demonstration data has. It is printed on the first screen and
 * in the README: the demonstration's people are for trying the roles, never for live decisions.
 */
export const DEMO_PASSPHRASE = 'demonstration only';

export const personCreateSchema = z.object({
  name: requiredText('name', 120),
  role: roleSchema,
  /** The new person's first passphrase; they change it with people:passphrase. */
  passphrase: newPassphraseSchema,
});

/**
 * A person as the office list shows them, with their key's fingerprint (null: not enrolled yet) and
 * when they retired (null: active). A retired person cannot act but stays in the record.
 */
export const personListItemSchema = personSchema.extend({
  fingerprint: z.string().nullable(),
  retiredAt: z.string().nullable().default(null),
});

/** A lead officer changes someone's role. */
export const personRoleSchema = z.object({ personId: idSchema, role: roleSchema });

/** A lead officer retires someone: they can no longer act, and stay in the record. */
export const personRetireSchema = z.object({ personId: idSchema });

/**
 * Acting as someone: choose an existing person and prove their passphrase. Only while nobody in
 * the database has a passphrase (a new database, or one made before identities) may this create
 * the first lead officer, or claim an existing lead officer by setting their first passphrase.
 */
export const profileSetSchema = z.union([
  z.object({ personId: idSchema, passphrase: passphraseSchema }),
  z.object({
    name: requiredText('name', 120),
    role: roleSchema.optional(),
    passphrase: newPassphraseSchema,
  }),
]);

export const enrolSchema = z.object({ personId: idSchema, passphrase: newPassphraseSchema });

export const passphraseChangeSchema = z.object({
  currentPassphrase: passphraseSchema,
  newPassphrase: newPassphraseSchema,
});

export const SETUP_STATES = ['empty', 'claim', 'ready'] as const;

/** Who is acting in this app, and what the profile page should offer. */
export const sessionSchema = z.object({
  state: z.enum(['unlocked', 'locked', 'none']),
  /** The person acting (unlocked) or the one whose session locked (locked). */
  person: personSchema.nullable(),
  fingerprint: z.string().nullable(),
  /** Locked after the idle time, or by the person. */
  lockedBy: z.enum(['idle', 'locked']).nullable(),
  /** empty: nobody yet; claim: people but no passphrases (an older database); ready: otherwise. */
  setup: z.enum(SETUP_STATES),
  /** Who this computer last acted as, to offer first. */
  lastPersonId: z.number().int().nullable(),
  idleLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;
