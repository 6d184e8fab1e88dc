import type { ParsedInput } from '../../shared/contract';
import type { PriorityNode } from '../../shared/organisations';
import { currentActor } from './actor';
import type { HandlerContext, ReadContext } from './context';
import { notFound, Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './round-lookup';

// Priority alignment (which plan priorities a bid advances, and how strongly) and queries raised
// on bids, both part of the assessment record.

function flatten(
  nodes: PriorityNode[],
  depth = 0,
): { id: number; code: string; title: string; depth: number }[] {
  return nodes.flatMap((n) => [
    { id: n.id, code: n.code, title: n.title, depth },
    ...flatten(n.children, depth + 1),
  ]);
}

function planPriorities(ctx: ReadContext, planId: number | null) {
  if (planId === null) return [];
  const plan = ctx.store.organisations.listPlans().find((p) => p.id === planId);
  return plan ? flatten(plan.priorities) : [];
}

function personName(ctx: ReadContext, id: number | null): string | null {
  return id === null ? null : (ctx.store.people.get(id)?.name ?? null);
}

export function queriesForRound(ctx: ReadContext, roundId: number) {
  return ctx.store.scoring.queriesForRound(roundId).map((q) => ({
    ...q,
    raisedBy: personName(ctx, q.raisedBy),
    assignedTo: personName(ctx, q.assignedTo),
    resolvedBy: personName(ctx, q.resolvedBy),
  }));
}

export const alignmentHandlers = {
  'assessment:alignment': (input: ParsedInput<'assessment:alignment'>, ctx: ReadContext) => {
    const actor = currentActor(ctx);
    const bid = ctx.store.bids.get(input.bidId);
    if (!bid) throw notFound(`Bid ${input.bidId}`);
    const round = mustGetRound(ctx, bid.roundId);
    const mine = actor
      ? ctx.store.scoring
          .alignmentsForRound(round.id)
          .filter((a) => a.bidId === bid.id && a.personId === actor.id)
      : [];
    return {
      priorities: planPriorities(ctx, round.planId),
      claimed: bid.claimedPriorities.map((p) => p.id),
      mine: mine.map(({ priorityId, strength }) => ({ priorityId, strength })),
    };
  },

  'assessment:align': (input: ParsedInput<'assessment:align'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      if (!actor) throw new Refusal('forbidden', 'Set up your profile first');
      const bid = ctx.store.bids.get(input.bidId);
      if (!bid) throw notFound(`Bid ${input.bidId}`);
      const round = mustGetOpenRound(ctx, bid.roundId);
      if (!ctx.store.scoring.isAssigned(bid.id, actor.id))
        throw new Refusal('forbidden', `${actor.name} is not assigned to ${bid.ref}`);
      const declaration = ctx.store.scoring.declaration(bid.id, actor.id);
      if (!declaration || declaration.conflict)
        throw new Refusal(
          'forbidden',
          `${actor.name} must declare no conflict in ${bid.ref} before judging it`,
        );
      const allowed = new Set(planPriorities(ctx, round.planId).map((p) => p.id));
      const foreign = input.alignments.filter((a) => !allowed.has(a.priorityId));
      if (foreign.length > 0)
        throw new Refusal(
          'invalid_input',
          `Priorities ${foreign.map((a) => a.priorityId).join(', ')} are not in this round's plan`,
        );
      for (const a of input.alignments)
        ctx.store.scoring.setAlignment(bid.id, actor.id, a.priorityId, a.strength);
      return { saved: input.alignments.length };
    }),

  'assessment:coverage': (input: ParsedInput<'assessment:coverage'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    const conflicts = new Set(
      ctx.store.scoring
        .declarationsForRound(round.id)
        .filter((d) => d.conflict)
        .map((d) => `${d.bidId}:${d.personId}`),
    );
    const alignments = ctx.store.scoring
      .alignmentsForRound(round.id)
      .filter((a) => !conflicts.has(`${a.bidId}:${a.personId}`));
    const bids = ctx.store.bids.listForRound(round.id).filter((b) => b.status !== 'withdrawn');
    const refOf = new Map(bids.map((b) => [b.id, b.ref]));
    const claims = new Map<number, string[]>();
    for (const bid of bids)
      for (const p of ctx.store.bids.get(bid.id)?.claimedPriorities ?? [])
        claims.set(p.id, [...(claims.get(p.id) ?? []), bid.ref]);
    return {
      planTitle: round.planTitle,
      priorities: planPriorities(ctx, round.planId).map((p) => {
        const strong = [
          ...new Set(
            alignments
              .filter((a) => a.priorityId === p.id && a.strength === 'strong')
              .map((a) => refOf.get(a.bidId) ?? ''),
          ),
        ].filter(Boolean);
        const some = [
          ...new Set(
            alignments
              .filter((a) => a.priorityId === p.id && a.strength === 'some')
              .map((a) => refOf.get(a.bidId) ?? ''),
          ),
        ].filter((r) => r && !strong.includes(r));
        return { ...p, strong, some, claimedBy: claims.get(p.id) ?? [] };
      }),
    };
  },

  'queries:raise': (input: ParsedInput<'queries:raise'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      const bid = ctx.store.bids.get(input.bidId);
      if (!bid) throw notFound(`Bid ${input.bidId}`);
      mustGetOpenRound(ctx, bid.roundId);
      const assignee = input.assignTo ? ctx.store.people.findByName(input.assignTo) : undefined;
      if (input.assignTo && !assignee)
        throw new Refusal('not_found', `There is no person called "${input.assignTo}"`);
      ctx.store.scoring.raiseQuery(bid.id, input.text, actor?.id ?? null, assignee?.id ?? null, ctx.now());
      return queriesForRound(ctx, bid.roundId).filter((q) => q.bidId === bid.id);
    }),

  'queries:resolve': (input: ParsedInput<'queries:resolve'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      const query = ctx.store.scoring.query(input.id);
      if (!query) throw notFound(`Query ${input.id}`);
      if (query.resolvedAt) throw new Refusal('conflict', 'This query is already resolved');
      if (
        actor &&
        actor.role !== 'lead_officer' &&
        query.assignedTo !== null &&
        query.assignedTo !== actor.id &&
        query.raisedBy !== actor.id
      ) {
        throw new Refusal(
          'forbidden',
          'Only the person it is assigned to, the person who raised it or a lead officer can resolve this query',
        );
      }
      ctx.store.scoring.resolveQuery(input.id, input.resolution, actor?.id ?? null, ctx.now());
      const bid = ctx.store.bids.get(query.bidId);
      return queriesForRound(ctx, bid?.roundId ?? 0).filter((q) => q.bidId === query.bidId);
    }),

  'queries:list': (input: ParsedInput<'queries:list'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    currentActor(ctx);
    return queriesForRound(ctx, input.roundId);
  },
};
