import { createHash } from 'node:crypto';
import type { PriorityInput } from '../../../shared/organisations';
import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { normaliseName } from '../../../db/queries/organisations';
import type { HandlerContext } from '../../handlers/context';
import { mustGetFramework } from '../../handlers/frameworks';
import { Refusal } from '../../handlers/refusal';
import type { AssessorPayload } from './assessor-payload';

// The assessor pack's content: at the office, what one assessor needs of a round to assess it
// offline; on their laptop, the round copy made (or brought up to date) from it.

/** Office: the round, its framework and plan, and the bids assigned to `assessor`, in full. */
export function assessorContent(ctx: HandlerContext, round: Round, assessor: Person): AssessorPayload {
  const framework = mustGetFramework(ctx, round.id);
  const assigned = new Set(
    ctx.store.scoring
      .assignmentsForRound(round.id)
      .filter((a) => a.personId === assessor.id)
      .map((a) => a.bidId),
  );
  if (assigned.size === 0)
    throw new Refusal(
      'invalid_input',
      `${assessor.name} is not assigned to any bid of "${round.name}": assign them first`,
    );
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
    bids: [...assigned].map((id) => {
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

function planOf(ctx: HandlerContext, plan: AssessorPayload['plan']): number | null {
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

/**
 * Recipient: writes the round copy (`copyId` null: a new one) in the assessment stage, with the
 * bids assigned to `assessor`. Bids no longer in the pack lose the assignment; the assessor's own
 * declarations and scores are never touched.
 */
export function writeAssessorCopy(
  ctx: HandlerContext,
  payload: AssessorPayload,
  copyId: number | null,
  assessor: Person,
): { roundId: number; bids: number; attachments: number } {
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
  ctx.store.rounds.setStage(roundId, 'assessment', now);
  ctx.store.frameworks.save(roundId, payload.framework, now);
  const priorityIds =
    values.planId === null
      ? new Map<string, number>()
      : ctx.store.organisations.priorityIdsByCode(values.planId);
  let attachments = 0;
  const ids = payload.bids.map((bid) => {
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
    ctx.store.scoring.assign(id, assessor.id, now);
    return id;
  });
  const kept = new Set(ids);
  for (const a of ctx.store.scoring.assignmentsForRound(roundId))
    if (a.personId === assessor.id && !kept.has(a.bidId)) ctx.store.scoring.unassign(a.bidId, assessor.id);
  ctx.store.bids.reindex(ctx.store.bids.ids(roundId));
  return { roundId, bids: ids.length, attachments };
}
