import * as z from 'zod';
import { bidContentSchema, roundContentSchema } from './round-copy';

// What a sign-off pack and its return carry. The office sends the round with every bid, the
// allocation, and the notice awaiting sign-off with its full decision content, as the office
// renders it; the commissioner returns that content signed, with the seal made by their key.

const text = (max: number) => z.string().max(max);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A notice's content: checked against the office's own by its hash, never trusted by its shape. */
const noticeContent = z.record(z.string(), z.unknown());

export const signoffPayloadSchema = roundContentSchema.extend({
  /** Every bid of the round, as the notice's appendices name them. */
  bids: z.array(bidContentSchema).max(2_000),
  allocation: z
    .array(
      z.object({
        ref: text(24),
        option: z.enum(['full', 'reduced', 'custom']),
        amountPence: z.number().int().nonnegative(),
        conditions: text(5_000),
        reason: text(5_000),
      }),
    )
    .max(2_000),
  notice: z.object({
    number: text(40),
    year: z.number().int(),
    sequence: z.number().int(),
    title: text(300),
    marking: z.enum(['NON-CONFIDENTIAL', 'CONFIDENTIAL']),
    /** The standard wording as it stands on the notice (JSON, as the office stores it). */
    wording: text(50_000),
    includeAppendixB: z.boolean(),
    summary: text(20_000).nullable(),
    /** Why the office sent it for sign-off despite its readiness list's warnings, if it did. */
    sentReason: text(5_000).nullable(),
    /** The decision content the commissioner is asked to sign, and its SHA-256. */
    content: noticeContent,
    contentSha256: sha256Hex,
  }),
});
export type SignoffPayload = z.infer<typeof signoffPayloadSchema>;

export const signoffReturnSchema = z.object({
  of: z.literal('signoff'),
  /** The sign-off pack this answers (the office checks the content against what it sent). */
  answers: z.uuid(),
  notice: z.object({
    number: text(40),
    /** The content as signed: the office's content with the signature block. */
    content: noticeContent,
    seal: z.object({
      contentSha256: sha256Hex,
      signature: z.string().max(200),
      publicKey: z.string().max(100),
      keyFingerprint: z.string().max(100),
    }),
  }),
});
export type SignoffReturn = z.infer<typeof signoffReturnSchema>;
