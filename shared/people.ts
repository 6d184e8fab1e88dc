import * as z from 'zod';
import { idSchema, requiredText } from './schemas';
import { ROLES, ROLE_LABELS, type Role } from './roles';

export { ROLES, ROLE_LABELS, type Role };

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
  /**
   * Only for the very first person of a new database (nobody else exists to give them a code).
   * Everyone else chooses their own with the enrolment code shown when they are added.
   */
  passphrase: newPassphraseSchema.optional(),
});

/**
 * A person as the office list shows them, with their key's fingerprint (null: not enrolled yet) and
 * when they retired (null: active). A retired person cannot act but stays in the record.
 */
export const personListItemSchema = personSchema.extend({
  fingerprint: z.string().nullable(),
  retiredAt: z.string().nullable().default(null),
  /** The role (commissioner or lead officer) waits for the sitting commissioner's approval. */
  pending: z.boolean().default(false),
  /** While pending, the role they still act in (null: a new person, who cannot act yet). */
  roleBefore: z.enum(ROLES).nullable().default(null),
  /** The commissioner in office: acting as commissioner now, not retired (at most one person). */
  sittingCommissioner: z.boolean().default(false),
});

/**
 * A person just added, with the one-time enrolment code they choose their passphrase with: shown
 * once, to be given to them in person (null for the very first lead officer, who set theirs).
 */
export const personAddedSchema = personListItemSchema.extend({ enrolmentCode: z.string().nullable() });

/** The sitting commissioner approves a role granted (commissioner or lead officer). */
export const personApproveSchema = z.object({ personId: idSchema });

/** A lead officer gives someone not yet enrolled a new code (the first lost, or never given). */
export const enrolmentCodeNewSchema = z.object({ personId: idSchema });

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

/**
 * A person chooses their own first passphrase, proving with the enrolment code a lead officer gave
 * them that they are who was added. Without a code only in a database where nobody has a
 * passphrase yet, for a lead officer claiming their own profile.
 */
export const enrolSchema = z.object({
  personId: idSchema,
  enrolmentCode: z.string().trim().max(40).optional(),
  passphrase: newPassphraseSchema,
});

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
