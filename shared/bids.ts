import * as z from 'zod';
import { flagSchema } from './checks';
import { BID_FIELD_LIMITS as LIMIT, BID_REF_PATTERN, BID_REF_RULE, MAX_QUANTITY } from './limits';
import { idSchema, isoDateSchema, optionalText, penceSchema, requiredText, timestampSchema } from './schemas';

export const BID_STATUSES = ['received', 'eligible', 'ineligible', 'withdrawn'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];
export const BID_STATUS_LABELS: Record<BidStatus, string> = {
  received: 'Received',
  eligible: 'Eligible',
  ineligible: 'Ineligible',
  withdrawn: 'Withdrawn',
};

export { BID_REF_PATTERN };

const nullablePence = (label: string) =>
  penceSchema(label)
    .nullish()
    .transform((v) => v ?? null);

export const costLineInputSchema = z.object({
  description: requiredText('cost line description', LIMIT.costLineDescription),
  quantity: z
    .number({ error: 'The quantity must be a number' })
    .positive({ error: 'The quantity must be more than 0' })
    // A function, so the number is formatted (loading ICU's locale data) only when the message is shown.
    .max(MAX_QUANTITY, {
      error: () => `The quantity cannot be more than ${MAX_QUANTITY.toLocaleString('en-GB')}`,
    })
    .nullish()
    .transform((v) => v ?? null),
  unitCostPence: nullablePence('The unit cost'),
  amountPence: nullablePence('The line amount'),
});
export type CostLineInput = z.input<typeof costLineInputSchema>;

export const sectionInputSchema = z.object({
  heading: requiredText('section heading', LIMIT.sectionHeading),
  body: z.string().max(LIMIT.sectionBody, { error: 'A section may hold at most 200,000 characters' }),
});

const bidFields = {
  ref: requiredText('reference', LIMIT.ref).regex(BID_REF_PATTERN, {
    error: `Write the reference with letters, digits and "-" only: ${BID_REF_RULE}`,
  }),
  partnership: requiredText('partnership', LIMIT.partnership),
  title: requiredText('title', LIMIT.title),
  summary: z
    .string()
    .trim()
    .max(LIMIT.summary, { error: `The summary must be ${LIMIT.summary} characters or fewer` })
    .default(''),
  requestedPence: penceSchema('The amount requested'),
  reducedPence: nullablePence('The reduced amount'),
  reductionNote: optionalText('note on the reduction', LIMIT.reductionNote),
  statedTotalPence: nullablePence('The stated total'),
  durationText: optionalText('duration', 200),
  startsOn: isoDateSchema('The start date'),
  endsOn: isoDateSchema('The end date'),
  matchFundingPence: nullablePence('Match funding'),
  status: z.enum(BID_STATUSES).default('received'),
  statusReason: optionalText('reason', 2_000),
  costLines: z.array(costLineInputSchema).max(LIMIT.costLines).default([]),
  sections: z.array(sectionInputSchema).max(LIMIT.sections).default([]),
  claimedPriorityIds: z.array(idSchema).max(200).default([]),
};

function checkBid(
  bid: { status: BidStatus; statusReason: string | null; startsOn: string | null; endsOn: string | null },
  ctx: z.RefinementCtx,
) {
  if (bid.status === 'ineligible' && !bid.statusReason) {
    ctx.addIssue({ code: 'custom', path: ['statusReason'], message: 'Say why the bid is ineligible' });
  }
  if (bid.startsOn && bid.endsOn && bid.endsOn < bid.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: 'The end date must be on or after the start date',
    });
  }
}

export const bidCreateSchema = z.object({ roundId: idSchema, ...bidFields }).superRefine(checkBid);
export type BidCreate = z.input<typeof bidCreateSchema>;
export const bidUpdateSchema = z.object({ id: idSchema, ...bidFields }).superRefine(checkBid);
export type BidUpdate = z.input<typeof bidUpdateSchema>;

export const bidRefSchema = z.object({ id: idSchema });
export const bidListSchema = z.object({ roundId: idSchema });

export const bidSummarySchema = z.object({
  id: idSchema,
  roundId: idSchema,
  ref: z.string(),
  partnershipId: idSchema,
  partnership: z.string(),
  title: z.string(),
  requestedPence: z.number().int(),
  reducedPence: z.number().int().nullable(),
  status: z.enum(BID_STATUSES),
  costLinesTotalPence: z.number().int().nullable(),
  flags: z.array(flagSchema),
});
export type BidSummary = z.infer<typeof bidSummarySchema>;

export const costLineSchema = z.object({
  id: idSchema,
  description: z.string(),
  quantity: z.number().nullable(),
  unitCostPence: z.number().int().nullable(),
  amountPence: z.number().int().nullable(),
  /** quantity × unit cost, where both are given, to set beside the stated amount. */
  computedPence: z.number().int().nullable(),
});

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: timestampSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const bidDetailSchema = bidSummarySchema.extend({
  round: z.string(),
  fund: z.string(),
  summary: z.string(),
  reductionNote: z.string().nullable(),
  statedTotalPence: z.number().int().nullable(),
  durationText: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  matchFundingPence: z.number().int().nullable(),
  statusReason: z.string().nullable(),
  costLines: z.array(costLineSchema),
  sections: z.array(z.object({ id: idSchema, heading: z.string(), body: z.string() })),
  claimedPriorities: z.array(z.object({ id: idSchema, code: z.string(), title: z.string() })),
  attachments: z.array(attachmentSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type BidDetail = z.infer<typeof bidDetailSchema>;
