import { createHash } from 'node:crypto';
import * as z from 'zod';
import { BID_STATUSES } from '../../../shared/bids';
import type { PriorityInput } from '../../../shared/organisations';
import { ROUND_STATUSES, type Round } from '../../../shared/rounds';
import type { Stage } from '../../../shared/stages';
import { normaliseName } from '../../../db/queries/organisations';
import type { HandlerContext } from '../../handlers/context';
import { getFramework } from '../../handlers/frameworks';
import { Refusal } from '../../handlers/refusal';

// A round and its bids as packs carry them, for every kind of pack: at the office, the content
// read from the round; on the recipient's laptop, the round copy written (or brought up to date)
// from it. Bids go by ref, criteria by code, priorities by code: no id of the office's database.

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const pence = z.number().int().nonnegative();

const priorityNode: z.ZodType<PriorityInput> = z.lazy(() =>
  z.object({ code: text(40), title: text(500), children: z.array(priorityNode).max(200) }),
);

export const roundContentSchema = z.object({
  fund: z.object({ name: text(120), capPence: pence.nullable() }),
  round: z.object({
    name: text(200),
    financialYear: nullableText(20),
    tranche: nullableText(60),
    budgetPence: pence,
    opensOn: nullableText(10),
    closesOn: nullableText(10),
    demoNotice: nullableText(2_000),
    /** Whether the office still takes bids (optional: packs from before it was carried open as open). */
    status: z.enum(ROUND_STATUSES).optional(),
  }),
  /**
   * Money already committed from the budget: without it a copy would show more available than the
   * office has (optional, so that a pack from before it was carried still opens).
   */
  commitments: z
    .array(z.object({ description: text(500), amountPence: pence }))
    .max(200)
    .optional(),
  plan: z
    .object({ title: text(300), period: text(100), priorities: z.array(priorityNode).max(200) })
    .nullable(),
  framework: z
    .object({
      template: nullableText(60),
      scaleMin: z.number().int().min(0).max(10),
      scaleMax: z.number().int().min(1).max(10),
      descriptors: z.array(text(2_000)).max(11),
      threshold: z.number().int().min(0).max(100).nullable(),
      divergence: z.number().int().min(0).max(10),
      criteria: z
        .array(
          z.object({
            code: text(20),
            name: text(300),
            guidance: text(10_000),
            weight: z.number().int().min(0).max(100),
            minScore: z.number().int().nullable(),
            gateway: z.boolean(),
          }),
        )
        .max(50),
    })
    .nullable(),
});
export type RoundContent = z.infer<typeof roundContentSchema>;

export const bidContentSchema = z.object({
  ref: text(24),
  partnership: text(160),
  title: text(300),
  summary: text(10_000),
  requestedPence: pence,
  reducedPence: pence.nullable(),
  reductionNote: nullableText(2_000),
  statedTotalPence: pence.nullable(),
  durationText: nullableText(200),
  startsOn: nullableText(10),
  endsOn: nullableText(10),
  matchFundingPence: pence.nullable(),
  status: z.enum(BID_STATUSES),
  statusReason: nullableText(2_000),
  costLines: z
    .array(
      z.object({
        description: text(500),
        quantity: z.number().nullable(),
        unitCostPence: z.number().int().nullable(),
        amountPence: z.number().int().nullable(),
      }),
    )
    .max(500),
  sections: z.array(z.object({ heading: text(300), body: text(200_000) })).max(200),
  claimedPriorities: z.array(text(40)).max(200),
  attachments: z
    .array(
      z.object({
        fileName: text(255),
        mediaType: text(120),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        contentBase64: z.string(),
      }),
    )
    .max(20),
});
export type BidContent = z.infer<typeof bidContentSchema>;

/** Office: the round, its fund, plan and scoring framework (null when it has none yet). */
export function roundContent(ctx: HandlerContext, round: Round): RoundContent {
  const framework = getFramework(ctx, round.id);
  const plan =
    round.planId === null
      ? undefined
      : ctx.store.organisations.listPlans().find((p) => p.id === round.planId);
  const outline = (nodes: NonNullable<typeof plan>['priorities']): PriorityInput[] =>
    nodes.map((n) => ({ code: n.code, title: n.title, children: outline(n.children) }));
  return {
    fund: { name: round.fund, capPence: round.fundCapPence },
    round: {
      name: round.name,
      financialYear: round.financialYear,
      tranche: round.tranche,
      budgetPence: round.budgetPence,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      demoNotice: round.demoNotice,
      status: round.status,
    },
    commitments: round.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
    plan: plan ? { title: plan.title, period: plan.period, priorities: outline(plan.priorities) } : null,
    framework: framework && {
      template: framework.template,
      scaleMin: framework.scale.min,
      scaleMax: framework.scale.max,
      descriptors: framework.scale.descriptors.map((d) => d.descriptor),
      threshold: framework.threshold,
      divergence: framework.divergence,
      criteria: framework.criteria.map(({ code, name, guidance, weight, minScore, gateway }) => ({
        code,
        name,
        guidance,
        weight,
        minScore,
        gateway,
      })),
    },
  };
}

/** Office: one bid in full, its business case, cost lines and original files. */
export function bidContent(ctx: HandlerContext, bidId: number): BidContent {
  const bid = ctx.store.bids.get(bidId);
  if (!bid) throw new Error(`Bid ${bidId} does not exist`);
  return {
    ref: bid.ref,
    partnership: bid.partnership,
    title: bid.title,
    summary: bid.summary,
    requestedPence: bid.requestedPence,
    reducedPence: bid.reducedPence,
    reductionNote: bid.reductionNote,
    statedTotalPence: bid.statedTotalPence,
    durationText: bid.durationText,
    startsOn: bid.startsOn,
    endsOn: bid.endsOn,
    matchFundingPence: bid.matchFundingPence,
    status: bid.status,
    statusReason: bid.statusReason,
    costLines: bid.costLines.map(({ description, quantity, unitCostPence, amountPence }) => ({
      description,
      quantity,
      unitCostPence,
      amountPence,
    })),
    sections: bid.sections.map(({ heading, body }) => ({ heading, body })),
    claimedPriorities: bid.claimedPriorities.map((p) => p.code),
    attachments: bid.attachments.map((file) => ({
      fileName: file.fileName,
      mediaType: file.mediaType,
      sha256: file.sha256,
      contentBase64: ctx.store.bids.attachmentContent(file.id)!.content.toString('base64'),
    })),
  };
}

function planOf(ctx: HandlerContext, plan: RoundContent['plan']): number | null {
  if (!plan) return null;
  return (
    ctx.store.organisations.findPlanByTitle(plan.title)?.id ??
    ctx.store.organisations.createPlan(plan.title, plan.period, plan.priorities, ctx.now())
  );
}

function partnershipId(ctx: HandlerContext, name: string): number {
  return (
    ctx.store.organisations.partnershipIndex().get(normaliseName(name))?.id ??
    ctx.store.organisations.createPartnership(name, null, ctx.now())
  );
}

export interface RoundCopy {
  roundId: number;
  /** The copy's plan priorities by code (lower case), for the bids' claims. */
  priorityIds: Map<string, number>;
}

/**
 * Recipient: writes the round copy (`copyId` null: a new one) at `stage`, with its fund, plan and
 * framework. Refused when this database has another round of that fund by that name.
 */
export function writeRoundCopy(
  ctx: HandlerContext,
  content: RoundContent,
  copyId: number | null,
  stage: Stage,
): RoundCopy {
  const now = ctx.now();
  const fundId = ctx.store.funds.findOrCreate(content.fund.name, now);
  ctx.store.funds.setCap(fundId, content.fund.capPence);
  const clash = ctx.store.rounds.findByName(fundId, content.round.name, copyId ?? undefined);
  if (clash)
    throw new Refusal(
      'conflict',
      `This database already has a round "${clash.name}" of ${clash.fund} that is not this pack's: ` +
        'rename or archive it, then open the pack again; nothing was changed',
    );
  const values = {
    fundId,
    ...content.round,
    status: content.round.status ?? 'open',
    planId: planOf(ctx, content.plan),
  };
  const roundId = copyId ?? ctx.store.rounds.insert(values, now);
  if (copyId !== null) ctx.store.rounds.update(copyId, values, now);
  ctx.store.rounds.setStage(roundId, stage, now);
  if (content.commitments) ctx.store.rounds.replaceCommitments(roundId, content.commitments);
  if (content.framework) ctx.store.frameworks.save(roundId, content.framework, now);
  return {
    roundId,
    priorityIds:
      values.planId === null ? new Map() : ctx.store.organisations.priorityIdsByCode(values.planId),
  };
}

/** Recipient: writes one bid of the copy (matched by ref), adding the original files it lacks. */
export function writeBidCopy(
  ctx: HandlerContext,
  copy: RoundCopy,
  bid: BidContent,
): { bidId: number; files: number } {
  const now = ctx.now();
  const values = {
    ref: bid.ref,
    partnershipId: partnershipId(ctx, bid.partnership),
    title: bid.title,
    summary: bid.summary,
    requestedPence: bid.requestedPence,
    reducedPence: bid.reducedPence,
    reductionNote: bid.reductionNote,
    statedTotalPence: bid.statedTotalPence,
    durationText: bid.durationText,
    startsOn: bid.startsOn,
    endsOn: bid.endsOn,
    matchFundingPence: bid.matchFundingPence,
    status: bid.status,
    statusReason: bid.statusReason,
  };
  const existing = ctx.store.bids.findByRef(copy.roundId, bid.ref);
  const bidId = existing?.id ?? ctx.store.bids.insert({ roundId: copy.roundId, ...values }, now);
  if (existing) ctx.store.bids.update(bidId, values, now);
  ctx.store.bids.replaceCostLines(bidId, bid.costLines);
  ctx.store.bids.replaceSections(bidId, bid.sections);
  ctx.store.bids.replaceClaims(
    bidId,
    bid.claimedPriorities.flatMap((code) => copy.priorityIds.get(code.toLowerCase()) ?? []),
  );
  const held = new Set(ctx.store.bids.get(bidId)!.attachments.map((a) => a.sha256));
  let files = 0;
  for (const file of bid.attachments) {
    if (held.has(file.sha256)) continue;
    const content = Buffer.from(file.contentBase64, 'base64');
    if (createHash('sha256').update(content).digest('hex') !== file.sha256)
      throw new Refusal('invalid_input', `The pack's copy of ${file.fileName} (${bid.ref}) is damaged`);
    ctx.store.bids.addAttachment(bidId, { ...file, content }, now);
    files += 1;
  }
  return { bidId, files };
}
