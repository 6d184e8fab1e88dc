import { createHash } from 'node:crypto';
import type { PriorityInput } from '../../../shared/organisations';
import type { Round } from '../../../shared/rounds';
import type { Stage } from '../../../shared/stages';
import { normaliseName } from '../../../db/queries/organisations';
import type { HandlerContext } from '../../handlers/context';
import { mustGetFramework } from '../../handlers/frameworks';
import { Refusal } from '../../handlers/refusal';
import type { AssessorPayload } from './assessor-payload';

// What every kind of pack carries of a round, and the round copy written from it: the round, its
// fund, plan and framework, and the chosen bids in full (business cases, cost lines, files). An
// assessor gets the bids assigned to them; the board and the commissioner get every bid.

export type RoundContent = AssessorPayload;

/** Office: the round, its framework and plan, and the bids `bidIds`, in full. */
export function roundContent(ctx: HandlerContext, round: Round, bidIds: Iterable<number>): RoundContent {
  const framework = mustGetFramework(ctx, round.id);
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
    },
    plan: plan ? { title: plan.title, period: plan.period, priorities: outline(plan.priorities) } : null,
    framework: {
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
    bids: [...bidIds].map((id) => {
      const bid = ctx.store.bids.get(id)!;
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
    }),
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

export interface WrittenCopy {
  roundId: number;
  /** The copy's bid ids, in the order of the content's bids. */
  bidIds: number[];
  /** Files new to this copy. */
  attachments: number;
}

/**
 * Recipient: writes the round copy (`copyId` null: a new one) at `stage`, with the content's bids
 * added or brought up to date by ref. Nobody's declarations, scores or views are touched here.
 */
export function writeRoundCopy(
  ctx: HandlerContext,
  payload: RoundContent,
  copyId: number | null,
  stage: Stage,
): WrittenCopy {
  const now = ctx.now();
  const fundId = ctx.store.funds.findOrCreate(payload.fund.name, now);
  ctx.store.funds.setCap(fundId, payload.fund.capPence);
  const clash = ctx.store.rounds.findByName(fundId, payload.round.name, copyId ?? undefined);
  if (clash)
    throw new Refusal(
      'conflict',
      `This database already has a round "${clash.name}" of ${clash.fund} that is not this pack's: ` +
        'rename or archive it, then open the pack again; nothing was changed',
    );
  const values = {
    fundId,
    ...payload.round,
    status: 'open' as const,
    planId: planOf(ctx, payload.plan),
  };
  const roundId = copyId ?? ctx.store.rounds.insert(values, now);
  if (copyId !== null) ctx.store.rounds.update(copyId, values, now);
  ctx.store.rounds.setStage(roundId, stage, now);
  ctx.store.frameworks.save(roundId, payload.framework, now);
  const priorityIds =
    values.planId === null
      ? new Map<string, number>()
      : ctx.store.organisations.priorityIdsByCode(values.planId);
  let attachments = 0;
  const bidIds = payload.bids.map((bid) => {
    const bidValues = {
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
    const existing = ctx.store.bids.findByRef(roundId, bid.ref);
    const id = existing?.id ?? ctx.store.bids.insert({ roundId, ...bidValues }, now);
    if (existing) ctx.store.bids.update(id, bidValues, now);
    ctx.store.bids.replaceCostLines(id, bid.costLines);
    ctx.store.bids.replaceSections(id, bid.sections);
    ctx.store.bids.replaceClaims(
      id,
      bid.claimedPriorities.flatMap((code) => priorityIds.get(code.toLowerCase()) ?? []),
    );
    const held = new Set(ctx.store.bids.get(id)!.attachments.map((a) => a.sha256));
    for (const file of bid.attachments) {
      if (held.has(file.sha256)) continue;
      const content = Buffer.from(file.contentBase64, 'base64');
      if (createHash('sha256').update(content).digest('hex') !== file.sha256)
        throw new Refusal('invalid_input', `The pack's copy of ${file.fileName} (${bid.ref}) is damaged`);
      ctx.store.bids.addAttachment(id, { ...file, content }, now);
      attachments += 1;
    }
    return id;
  });
  ctx.store.bids.reindex(ctx.store.bids.ids(roundId));
  return { roundId, bidIds, attachments };
}
