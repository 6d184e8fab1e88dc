import * as z from 'zod';
import { ROLES } from './roles';
import { idSchema } from './schemas';
import { OUTBOUND_KINDS, PACK_KINDS, PACK_KIND_LABELS, type OutboundKind, type PackKind } from './pack-kinds';

export { OUTBOUND_KINDS, PACK_KINDS, PACK_KIND_LABELS, type OutboundKind, type PackKind };

// Packs: signed `.tranche` files that carry a round's work between laptops that never share a
// database (issue 10; the design is in electron/packs/format.ts). This module holds what both the
// main process and the app need to agree on: the header every pack carries, the placeholders for
// each kind's payload, and the channels' inputs and outputs. Nothing here names a local id of
// another database: rounds travel by uid, bids by ref, criteria by code, people by name.

export const PACK_FORMAT = 'tranche-pack';
/** The pack format this Tranche writes and reads; a pack from a newer one is refused, named. */
export const PACK_VERSION = 1;

/** A raw 32-byte Ed25519 public key in base64 (44 characters, one "=" of padding). */
export const publicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'not an Ed25519 public key' });
const fingerprintSchema = z
  .string()
  .regex(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/, { error: 'not a key fingerprint' });
const nameSchema = z.string().trim().min(1).max(120);

/** Where an office's audit chain stood: its last entry's number and hash (db/audit/chain.ts). */
export const packChainHeadSchema = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PackChainHead = z.infer<typeof packChainHeadSchema>;

/** A person who signs packs: their name, role and public key, as their own database knows them. */
export const packPartySchema = z.object({
  name: nameSchema,
  role: z.enum(ROLES),
  publicKey: publicKeySchema,
  fingerprint: fingerprintSchema,
});
export type PackParty = z.infer<typeof packPartySchema>;

export const packHeaderSchema = z.object({
  packId: z.uuid(),
  kind: z.enum(PACK_KINDS),
  createdAt: z.iso.datetime(),
  /** The round as its office knows it; `uid` is the only identity that counts. */
  round: z.object({
    uid: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    financialYear: z.string().max(20).nullable(),
  }),
  from: packPartySchema,
  to: z.object({ name: nameSchema, role: z.enum(ROLES) }),
  /** Numbered per round by the database that made it, rising: an older pack after a newer is refused. */
  sequence: z.number().int().positive(),
  /**
   * On a first pack to someone whose key the office has not pinned, and on their returns until the
   * office has: the enrolment's id and the code's proof over the signer's key (electron/packs/enrolment.ts).
   */
  enrolment: z
    .object({
      id: z.string().min(1).max(64),
      proof: z.string().regex(/^(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)$/),
    })
    .optional(),
  /**
   * On packs from the office: the public keys of its lead officers (the sender among them), so the
   * recipient's database pins them all and later packs from any of them are recognised.
   */
  officeKeys: z.array(packPartySchema).max(50).optional(),
  /**
   * On packs from the office: where its audit chain stood when the pack was made, signed with the
   * rest. The pack's entry in the office's record names it too, so `verify` checks the chain still
   * holds it, and a return to this pack is refused once the chain no longer does.
   */
  chainHead: packChainHeadSchema.nullable().optional(),
  /** On a return: the pack it answers, with the chain head that pack carried. */
  answers: z.object({ packId: z.uuid(), chainHead: packChainHeadSchema.nullable() }).optional(),
});
export type PackHeader = z.infer<typeof packHeaderSchema>;

/** The signed part of a pack; each kind's module parses `payload` with its own schema. */
export interface PackBody {
  header: PackHeader;
  payload: unknown;
}

export const packEnvelopeSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  body: z.object({ header: packHeaderSchema, payload: z.unknown() }),
  /** Ed25519 over the canonical JSON of `body`, base64, by `body.header.from.publicKey`. */
  signature: z.string().max(200),
});

// ---- Payloads: one schema per kind, beside its module in electron/packs/kinds/ (assessor-,
// board- and signoff-payload.ts: they name the tables they copy). ----

/** A return names the kind of pack it answers, so the office merges it with that kind's module. */
export const returnPayloadBaseSchema = z.object({ of: z.enum(OUTBOUND_KINDS) }).loose();

// ---- Channels ----

const packBytesSchema = z
  .string({ error: 'Choose a pack file' })
  .min(1, { error: 'Choose a pack file' })
  // 20 MB of file as base64 (format.ts refuses a bigger file by its bytes too).
  .max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4, { error: 'The pack is larger than 20 MB' });

export const packMakeSchema = z.object({
  kind: z.enum(OUTBOUND_KINDS),
  roundId: idSchema,
  /** The assessor, board member or officer it is for; a sign-off pack goes to the commissioner. */
  personName: z.string().trim().min(1).max(120).optional(),
});
export type PackMakeInput = z.input<typeof packMakeSchema>;

export const packFileSchema = z.object({ fileName: z.string(), bytesBase64: z.string() });

export const packMadeSchema = packFileSchema.extend({
  /** Shown once, to be given to the recipient another way; null when their key is already pinned. */
  enrolmentCode: z.string().nullable(),
  to: z.object({ name: z.string(), role: z.enum(ROLES) }),
});

export const packOpenSchema = z.object({
  bytesBase64: packBytesSchema,
  enrolmentCode: z.string().trim().max(40).optional(),
  /** On a new installation: the recipient's first passphrase (their key pair is made with it). */
  newPassphrase: z.string().min(8).max(1_000).optional(),
});

const packSenderSchema = z.object({ name: z.string(), role: z.enum(ROLES), fingerprint: z.string() });

export const packOpenedSchema = z.object({
  kind: z.enum(PACK_KINDS),
  /** The round copy's id in this database. */
  roundId: idSchema,
  from: packSenderSchema,
  /** True when this very pack had been opened before: nothing changed. */
  alreadyOpened: z.boolean(),
});

export const packReturnSchema = z.object({ roundId: idSchema });

export const packReceiveSchema = z.object({ bytesBase64: packBytesSchema });

/** A difference a merge kept the office's side of, in words, with what it concerns. */
export const packConflictSchema = z.object({
  ref: z.string().nullable(),
  criterion: z.string().nullable(),
  message: z.string(),
});
export type PackConflict = z.infer<typeof packConflictSchema>;

export const packReceivedSchema = z.object({
  kind: z.enum(PACK_KINDS),
  /** For a return: the kind of pack it answers. */
  of: z.enum(OUTBOUND_KINDS).nullable(),
  from: packSenderSchema,
  round: z.object({ id: idSchema, name: z.string() }),
  /** Rows new to this database, rows it already had, and differences kept as the office has them. */
  added: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  conflicts: z.array(packConflictSchema),
  /** What the pack held, counted by thing ("bids", "scores", …): see shared/pack-receipt.ts. */
  held: z.record(z.string(), z.number().int().nonnegative()),
  /** True when this very pack had been received before: nothing changed. */
  alreadyReceived: z.boolean(),
});
export type PackReceived = z.infer<typeof packReceivedSchema>;

export const packListSchema = z.object({ roundId: idSchema });

export const packLogEntrySchema = z.object({
  packId: z.string(),
  kind: z.enum(PACK_KINDS),
  /** The other party: whom a pack was sent to, or who sent one. */
  person: z.string(),
  sequence: z.number().int(),
  createdAt: z.string(),
  receivedAt: z.string().nullable(),
  /** What the pack held or changed, as its kind's module summarised it. */
  summary: z.record(z.string(), z.unknown()),
});

export const packLogSchema = z.object({
  /** Where this round came from, when it is a copy received in a pack; null for the office's own. */
  copyOf: z
    .object({ kind: z.enum(OUTBOUND_KINDS), from: z.string(), fingerprint: z.string(), openedAt: z.string() })
    .nullable(),
  sent: z.array(packLogEntrySchema),
  received: z.array(packLogEntrySchema),
});
