import type { Person, Role } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext } from '../../handlers/context';
import { mustGetFramework } from '../../handlers/frameworks';
import { Refusal } from '../../handlers/refusal';
import type { BoardPayload } from './board-payload';
import { bidContent, roundContent, writeBidCopy, writeRoundCopy } from './round-copy';

// The board pack's content: at the office, the shortlist and everything its ranking is computed
// from; on the board member's laptop, a round copy at board review that ranks exactly as the
// office does (the same rows, the same code: electron/handlers/ranking.ts), read-only but for the
// member's own views and comments.

/** Office: the round at board review, with every bid and what the ranking and shortlist rest on. */
// long-function: the copy's content built in the order of the pack's schema
export function boardContent(ctx: HandlerContext, round: Round): BoardPayload {
  if (round.stage !== 'board')
    throw new Refusal(
      'conflict',
      `Round "${round.name}" is at ${STAGE_LABELS[round.stage].toLowerCase()}: board packs are made while ` +
        'the round is at board review',
    );
  const framework = mustGetFramework(ctx, round.id);
  const base = roundContent(ctx, round);
  const codeOf = new Map(framework.criteria.map((c) => [c.id, c.code]));
  const bids = ctx.store.bids.listForRound(round.id);
  const refOf = new Map(bids.map((b) => [b.id, b.ref]));
  const ref = (bidId: number) => refOf.get(bidId)!;
  const everyone = ctx.store.people.list();
  const nameOf = new Map(everyone.map((p) => [p.id, p.name]));
  const named = new Set<string>();
  const person = (name: string) => (named.add(name), name);
  const scoring = ctx.store.scoring;
  const submissions = scoring.submissionsForRound(round.id);
  const submitted = new Set(submissions.map((s) => `${s.bidId}:${s.personId}`));
  const board = ctx.store.board;
  const content: Omit<BoardPayload, 'people'> = {
    ...base,
    // The round has one (mustGetFramework above refuses otherwise).
    framework: base.framework!,
    bids: bids.map((b) => bidContent(ctx, b.id)),
    assignments: scoring
      .assignmentsForRound(round.id)
      .map((a) => ({ ref: ref(a.bidId), person: person(a.person) })),
    declarations: scoring.declarationsForRound(round.id).map((d) => ({
      ref: d.ref,
      person: person(d.person),
      conflict: d.conflict,
      nature: d.nature,
      at: d.declaredAt,
    })),
    scores: scoring
      .scoresForRound(round.id)
      .filter((s) => submitted.has(`${s.bidId}:${s.personId}`) && codeOf.has(s.criterionId))
      .map((s) => ({
        ref: ref(s.bidId),
        person: person(s.person),
        criterion: codeOf.get(s.criterionId)!,
        score: s.score,
        justification: s.justification,
      })),
    submissions: submissions.map((s) => ({
      ref: ref(s.bidId),
      person: person(nameOf.get(s.personId)!),
      submittedAt: s.submittedAt,
    })),
    moderations: scoring
      .moderationsForRound(round.id)
      .filter((m) => codeOf.has(m.criterionId))
      .map((m) => ({
        ref: ref(m.bidId),
        criterion: codeOf.get(m.criterionId)!,
        score: m.score,
        reason: m.reason,
        by: m.by === null ? null : person(m.by),
        at: m.at,
      })),
    openQueries: scoring
      .queriesForRound(round.id)
      .filter((q) => !q.resolvedAt)
      .map((q) => ({ ref: q.ref, text: q.text, raisedAt: q.raisedAt })),
    shortlist: {
      rule: board.rule(round.id)?.rule ?? 'threshold',
      topN: board.rule(round.id)?.topN ?? null,
      overrides: board.overrides(round.id).map((o) => ({
        ref: ref(o.bidId),
        included: o.included,
        reason: o.reason,
        by: o.by === null ? null : person(o.by),
        at: o.at,
      })),
    },
    allocation: ctx.store.allocation.items(round.id).map((item) => ({
      ref: ref(item.bidId),
      option: item.option,
      amountPence: item.amountPence,
      conditions: item.conditions,
      reason: item.reason,
    })),
    scenarios: ctx.store.allocation.scenarios(round.id).map((s) => ({
      name: s.name,
      createdBy: s.createdBy === null ? null : person(s.createdBy),
      createdAt: s.createdAt,
      items: s.items.map((i) => ({
        ref: ref(i.bidId),
        option: i.option,
        amountPence: i.amountPence,
        conditions: i.conditions,
      })),
    })),
    views: board.views(round.id).map((v) => ({
      ref: ref(v.bidId),
      person: person(v.person),
      view: v.view,
      comment: v.comment,
      meetingOn: v.meetingOn,
      at: v.at,
    })),
  };
  const people = everyone.filter((p) => named.has(p.name)).map((p) => ({ name: p.name, role: p.role }));
  return { ...content, people };
}

/**
 * Board member: the round copy at board review. The office's rows are written as the office has
 * them (others' views too); the member's own views on the copy are theirs and never overwritten.
 */
// long-function: one transaction from the first check to the last write, so all of it happens or none does
export function writeBoardCopy(
  ctx: HandlerContext,
  payload: BoardPayload,
  copyId: number | null,
  member: Person,
): { roundId: number; bids: number } {
  const copy = writeRoundCopy(ctx, payload, copyId, 'board');
  const roundId = copy.roundId;
  const bidIds = payload.bids.map((bid) => writeBidCopy(ctx, copy, bid).bidId);
  ctx.store.bids.reindex(ctx.store.bids.ids(roundId));
  const now = ctx.now();
  const bidOf = new Map(payload.bids.map((b, i) => [b.ref.toLowerCase(), bidIds[i]!]));
  const bid = (ref: string) => bidOf.get(ref.toLowerCase());
  const roles = new Map(payload.people.map((p) => [p.name.toLowerCase(), p.role]));
  const personId = (name: string, role: Role = roles.get(name.toLowerCase()) ?? 'policy_officer') =>
    ctx.store.people.findByName(name)?.id ?? ctx.store.people.create(name, role, now);
  const criterionOf = new Map(
    (ctx.store.frameworks.forRound(roundId)?.criteria ?? []).map((c) => [c.code.toLowerCase(), c.id]),
  );
  const rows = <T extends { ref: string }>(list: T[]) =>
    list.flatMap((row) => {
      const bidId = bid(row.ref);
      return bidId === undefined ? [] : [{ ...row, bidId }];
    });
  const scoring = ctx.store.scoring;
  for (const a of rows(payload.assignments)) scoring.assign(a.bidId, personId(a.person), now);
  for (const d of rows(payload.declarations))
    ctx.store.packs.setDeclaration(d.bidId, personId(d.person), d.conflict, d.nature, d.at);
  for (const s of rows(payload.scores)) {
    const criterionId = criterionOf.get(s.criterion.toLowerCase());
    if (criterionId !== undefined)
      ctx.store.packs.setScore(s.bidId, personId(s.person), criterionId, s.score, s.justification, now);
  }
  for (const s of rows(payload.submissions))
    ctx.store.packs.addSubmission(s.bidId, personId(s.person), s.submittedAt);
  const moderated = new Map(
    scoring.moderationsForRound(roundId).map((m) => [`${m.bidId}:${m.criterionId}`, m]),
  );
  for (const m of rows(payload.moderations)) {
    const criterionId = criterionOf.get(m.criterion.toLowerCase());
    if (criterionId === undefined) continue;
    const held = moderated.get(`${m.bidId}:${criterionId}`);
    if (held?.score === m.score && held.reason === m.reason) continue;
    scoring.moderate(
      m.bidId,
      criterionId,
      m.score,
      m.reason,
      m.by ? personId(m.by, 'lead_officer') : null,
      m.at,
    );
  }
  const asked = new Set(scoring.queriesForRound(roundId).map((q) => `${q.bidId}:${q.text}`));
  for (const q of rows(payload.openQueries))
    if (!asked.has(`${q.bidId}:${q.text}`)) scoring.raiseQuery(q.bidId, q.text, null, null, q.raisedAt);
  const board = ctx.store.board;
  board.setRule(roundId, payload.shortlist.rule, payload.shortlist.topN, now);
  const overridden = new Set<number>();
  for (const o of rows(payload.shortlist.overrides)) {
    overridden.add(o.bidId);
    board.setOverride(
      roundId,
      o.bidId,
      o.included,
      o.reason,
      o.by ? personId(o.by, 'lead_officer') : null,
      o.at,
    );
  }
  for (const o of board.overrides(roundId))
    if (!overridden.has(o.bidId)) board.clearOverride(roundId, o.bidId);
  ctx.store.allocation.replaceAll(
    roundId,
    rows(payload.allocation).map(({ ref: _ref, ...item }) => item),
    now,
  );
  for (const s of payload.scenarios)
    if (!ctx.store.allocation.findScenarioByName(roundId, s.name))
      ctx.store.allocation.saveScenario(
        roundId,
        s.name,
        s.createdBy ? personId(s.createdBy, 'lead_officer') : null,
        rows(s.items).map(({ ref: _ref, ...item }) => item),
        s.createdAt,
      );
  const mine = new Set(
    board
      .views(roundId)
      .filter((v) => v.person.toLowerCase() === member.name.toLowerCase())
      .map((v) => v.bidId),
  );
  for (const v of rows(payload.views)) {
    const own = v.person.toLowerCase() === member.name.toLowerCase();
    if (own && mine.has(v.bidId)) continue;
    board.recordView(
      v.bidId,
      own ? member.id : personId(v.person, 'board_member'),
      v.view,
      v.comment,
      v.meetingOn,
      v.at,
    );
  }
  return { roundId, bids: bidIds.length };
}
