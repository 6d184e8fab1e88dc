import type { ParsedInput } from '../../shared/contract';
import { formatDate, ukCalendarDate } from '../../shared/dates';
import { wordingSchema } from '../../shared/notices';
import { currentActor } from './actor';
import { scoreVisibilityFor } from './blind-scoring';
import type { HandlerContext, ReadContext } from './context';
import { provePassphrase } from './identity';
import { noticeData } from './notice-content';
import { contentToSign, recordSignedNotice, sealWithOwnKey } from './notice-signing';
import { latestNotice as latest, type NoticeRow } from './notice-record';
import { wordingFor } from './notice-wording';
import { officeSettings } from './office';
import { assertReady } from './readiness';
import { fieldRefusal, notFound, Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Decision notices: drafted from the record, sent for sign-off, signed by the commissioner, then
// locked. A signed notice keeps the content it was signed with; a superseding notice changes it.

export function noticeView(ctx: ReadContext, notice: NoticeRow) {
  return {
    id: notice.id,
    roundId: notice.roundId,
    number: notice.number,
    title: notice.title,
    marking: notice.marking,
    status: notice.status,
    wording: wordingSchema.parse(JSON.parse(notice.wording)),
    includeAppendixB: notice.includeAppendixB,
    summary: notice.summary,
    executiveSummary: notice.executiveSummary,
    background: notice.background,
    boardName: notice.boardName,
    boardDate: notice.boardDate,
    signedBy: notice.signedBy,
    signedOn: notice.signedOn,
    interests: notice.interests,
    fingerprint: notice.fingerprint,
    supersedes: notice.supersedesId ? (ctx.store.notices.get(notice.supersedesId)?.number ?? null) : null,
    sentReason: notice.sentReason,
    signedReason: notice.signedReason,
    preview: noticeData(ctx, notice, scoreVisibilityFor(ctx, notice.roundId).everyBid),
  };
}

export function createNotice(ctx: HandlerContext, roundId: number, supersedesId: number | null) {
  const round = mustGetRound(ctx, roundId);
  const now = ctx.now();
  const year = Number(now.slice(0, 4));
  const sequence = ctx.store.notices.nextSequence(year);
  const number = `${officeSettings(ctx).numberPrefix}${String(sequence).padStart(3, '0')}/${year}`;
  // A superseding notice starts from the office's words on the one it replaces.
  const earlier = supersedesId ? ctx.store.notices.get(supersedesId) : undefined;
  const id = ctx.store.notices.create({
    executiveSummary: earlier?.executiveSummary ?? null,
    background: earlier?.background ?? null,
    boardName: earlier?.boardName ?? null,
    boardDate: earlier?.boardDate ?? null,
    roundId,
    number,
    year,
    sequence,
    title: `${round.fund}: ${round.name}`,
    wording: JSON.stringify(wordingFor(ctx, round.fund)),
    supersedesId,
    createdAt: now,
    updatedAt: now,
  });
  return ctx.store.notices.get(id) as NoticeRow;
}

export const noticeLifecycleHandlers = {
  'notices:get': (input: ParsedInput<'notices:get'>, ctx: ReadContext) => {
    mustGetRound(ctx, input.roundId);
    const notice = latest(ctx, input.roundId);
    return notice ? noticeView(ctx, notice) : null;
  },

  'notices:create': (input: ParsedInput<'notices:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = latest(ctx, input.roundId);
      if (current?.status === 'signed')
        throw new Refusal(
          'conflict',
          `Decision ${current.number} is signed: draft a superseding notice instead`,
        );
      if (current) return noticeView(ctx, current);
      return noticeView(ctx, createNotice(ctx, input.roundId, null));
    }),

  'notices:update': (input: ParsedInput<'notices:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const notice = ctx.store.notices.get(input.noticeId);
      if (!notice) throw notFound(`Notice ${input.noticeId}`);
      if (notice.status === 'signed' || notice.status === 'superseded')
        throw new Refusal(
          'conflict',
          `Decision ${notice.number} is signed and cannot be edited. Draft a superseding notice to change it.`,
        );
      ctx.store.notices.update(notice.id, {
        title: input.title,
        marking: input.marking,
        wording: JSON.stringify(input.wording),
        includeAppendixB: input.includeAppendixB,
        summary: input.summary,
        status: 'draft',
        updatedAt: ctx.now(),
      });
      return noticeView(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),

  'notices:ready': (input: ParsedInput<'notices:ready'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const notice = latest(ctx, input.roundId);
      if (!notice) throw new Refusal('not_found', 'This round has no decision notice yet');
      if (notice.status !== 'draft')
        throw new Refusal('conflict', `Decision ${notice.number} is ${notice.status}`);
      const sentReason = assertReady(ctx, input.roundId, 'sent for sign-off', input.readinessReason);
      ctx.store.notices.update(notice.id, { status: 'ready', sentReason, updatedAt: ctx.now() });
      return noticeView(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),

  'notices:sign': async (input: ParsedInput<'notices:sign'>, ctx: HandlerContext) => {
    await provedAtSigning(ctx, input.passphrase);
    return ctx.store.transaction(() => {
      const actor = currentActor(ctx);
      const round = mustGetRound(ctx, input.roundId);
      const current = latest(ctx, round.id);
      if (current?.status === 'signed')
        throw new Refusal('conflict', `This round's decision ${current.number} is already signed`);
      // A notice is dated the day it is signed: a signature cannot be placed in the past or future.
      const today = ukCalendarDate(ctx.now());
      if (input.date !== undefined && input.date !== today)
        throw fieldRefusal(
          'invalid_input',
          'date',
          `A notice is dated the day it is signed (${formatDate(today)}), not ${input.date}`,
        );
      const signedReason = assertReady(ctx, round.id, 'signed', input.readinessReason);
      const notice = current ?? createNotice(ctx, round.id, null);
      const wording = wordingSchema.parse(JSON.parse(notice.wording));
      // The commissioner's key signs the frozen content (notice-signing.ts); anyone can check it.
      const content = contentToSign(ctx, notice, {
        name: actor?.name ?? '',
        role: wording.signatoryRole,
        date: today,
        interests: input.interests || 'None',
      });
      return noticeView(
        ctx,
        recordSignedNotice(ctx, notice, content, sealWithOwnKey(ctx, content), signedReason),
      );
    });
  },

  'notices:supersede': (input: ParsedInput<'notices:supersede'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = latest(ctx, input.roundId);
      if (current?.status !== 'signed')
        throw new Refusal('conflict', 'Only a signed decision can be superseded');
      // A superseding draft reopens the decision: the round goes back to its decision stage.
      const draft = createNotice(ctx, input.roundId, current.id);
      ctx.store.rounds.setStage(input.roundId, 'decision', ctx.now());
      return noticeView(ctx, draft);
    }),
};

/** How recently a commissioner must have given their passphrase to sign without giving it again. */
export const SIGNING_PROOF_MS = 60_000;

/**
 * Signing is a deliberate act: the commissioner gives their passphrase again at that moment (a wrong
 * one is refused and counted like any other), unless they proved it moments before.
 */
async function provedAtSigning(ctx: HandlerContext, passphrase: string | undefined): Promise<void> {
  const actor = currentActor(ctx);
  if (!actor) return; // the rule book has already refused nobody
  if (passphrase !== undefined) {
    await provePassphrase(ctx, actor, passphrase);
    return;
  }
  if (!ctx.session.provedWithin(SIGNING_PROOF_MS))
    throw fieldRefusal(
      'forbidden',
      'passphrase',
      `Give your passphrase again to sign, ${actor.name}: signing asks for it at that moment`,
    );
}
