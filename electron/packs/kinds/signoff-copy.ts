import { chainHead } from '../../../db/audit/chain';
import type { NoticeData } from '../../../shared/notice-data';
import type { Round } from '../../../shared/rounds';
import { STAGE_LABELS } from '../../../shared/stages';
import type { HandlerContext } from '../../handlers/context';
import { assertSoundDecision } from '../../handlers/decision-checks';
import { noticeData } from '../../handlers/notice-content';
import { latestNotice, type NoticeRow } from '../../handlers/notice-record';
import { Refusal } from '../../handlers/refusal';
import { contentSha256 } from '../../identity/notice-seal';
import { bidContent, roundContent, writeBidCopy, writeRoundCopy } from './round-copy';
import type { SignoffPayload } from './signoff-payload';

// The sign-off pack's content: at the office, the notice awaiting sign-off with its full decision
// content; on the commissioner's laptop, a round copy at the decision stage whose notice shows
// exactly that content (kept on the notice, so the copy need not re-derive it) for them to sign.

/** The notice's content as the office renders it now, without the key's fingerprint (not signed). */
export function officeContent(ctx: HandlerContext, notice: NoticeRow): NoticeData {
  const { keyFingerprint: _notSigned, ...data } = noticeData(ctx, notice);
  // The pack carries the office's audit chain head as it saw it, signed with the content.
  return { ...data, chainHead: chainHead(ctx.store.sqlite) };
}

/**
 * SHA-256 of what is decided: the content without who signed it, whether it is a draft, the
 * fingerprints and the chain head (which moves on at the office meanwhile). The office's notice
 * and the signed content must agree on it exactly.
 */
export function decisionSha256(content: Record<string, unknown>): string {
  const {
    signature: _signature,
    draft: _draft,
    fingerprint: _fingerprint,
    keyFingerprint: _keyFingerprint,
    chainHead: _chainHead,
    ...decision
  } = content;
  return contentSha256(decision);
}

/** Office: the notice awaiting sign-off, refused unless there is one and the decision is sound. */
export function noticeAwaitingSignoff(ctx: HandlerContext, round: Round): NoticeRow {
  if (round.stage !== 'decision')
    throw new Refusal(
      'conflict',
      `Round "${round.name}" is at ${STAGE_LABELS[round.stage].toLowerCase()}: a sign-off pack is made ` +
        'when its notice has been sent for sign-off at the decision stage',
    );
  const notice = latestNotice(ctx, round.id);
  if (!notice)
    throw new Refusal(
      'conflict',
      `Round "${round.name}" has no decision notice: draft it and send it for sign-off first`,
    );
  if (notice.status !== 'ready')
    throw new Refusal(
      'conflict',
      `Decision ${notice.number} is ${notice.status === 'draft' ? 'a draft' : notice.status}: ` +
        'send it for sign-off first',
    );
  return notice;
}

/** Office: the round with every bid, the allocation and the notice awaiting sign-off. */
export function signoffContent(ctx: HandlerContext, round: Round): SignoffPayload {
  const notice = noticeAwaitingSignoff(ctx, round);
  assertSoundDecision(ctx, round.id, 'sent for sign-off');
  const bids = ctx.store.bids.listForRound(round.id);
  const refOf = new Map(bids.map((b) => [b.id, b.ref]));
  const content = officeContent(ctx, notice);
  return {
    ...roundContent(ctx, round),
    bids: bids.map((b) => bidContent(ctx, b.id)),
    allocation: ctx.store.allocation.items(round.id).map((item) => ({
      ref: refOf.get(item.bidId)!,
      option: item.option,
      amountPence: item.amountPence,
      conditions: item.conditions,
      reason: item.reason,
    })),
    notice: {
      number: notice.number,
      year: notice.year,
      sequence: notice.sequence,
      title: notice.title,
      marking: notice.marking,
      wording: notice.wording,
      includeAppendixB: notice.includeAppendixB,
      summary: notice.summary,
      sentReason: notice.sentReason,
      content: content as unknown as Record<string, unknown>,
      contentSha256: decisionSha256(content as unknown as Record<string, unknown>),
    },
  };
}

/**
 * Commissioner: the round copy at the decision stage, its allocation, and its notice awaiting
 * sign-off with the office's content. A later pack replaces the notice (and any signature the
 * office did not accept).
 */
export function writeSignoffCopy(ctx: HandlerContext, payload: SignoffPayload, copyId: number | null) {
  if (decisionSha256(payload.notice.content) !== payload.notice.contentSha256)
    throw new Refusal('invalid_input', "The sign-off pack's notice does not match its own fingerprint");
  const copy = writeRoundCopy(ctx, payload, copyId, 'decision');
  const roundId = copy.roundId;
  const bidIds = payload.bids.map((bid) => writeBidCopy(ctx, copy, bid).bidId);
  ctx.store.bids.reindex(ctx.store.bids.ids(roundId));
  const idOf = new Map(payload.bids.map((b, i) => [b.ref.toLowerCase(), bidIds[i]!]));
  const now = ctx.now();
  ctx.store.allocation.replaceAll(
    roundId,
    payload.allocation.flatMap(({ ref, ...item }) => {
      const bidId = idOf.get(ref.toLowerCase());
      return bidId === undefined ? [] : [{ bidId, ...item }];
    }),
    now,
  );
  const { content, contentSha256: _checked, ...fields } = payload.notice;
  const values = {
    ...fields,
    status: 'ready' as const,
    content: JSON.stringify(content),
    signedBy: null,
    signedRole: null,
    signedOn: null,
    interests: null,
    fingerprint: null,
    signature: null,
    signerPublicKey: null,
    signerKeyFingerprint: null,
    updatedAt: now,
  };
  const held = latestNotice(ctx, roundId);
  if (held) ctx.store.notices.update(held.id, values);
  else ctx.store.notices.create({ roundId, ...values, supersedesId: null, createdAt: now });
  return { roundId, bids: bidIds.length, notice: payload.notice.number };
}
