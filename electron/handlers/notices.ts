import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract';
import { formatDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { BOARD_VIEW_LABELS } from '../../shared/assessment';
import {
  DEFAULT_WORDING,
  officeSettingsSchema,
  wordingSchema,
  type OfficeSettings,
  type Wording,
} from '../../shared/notices';
import { LEAD, requireRole } from './actor';
import { allocationFor } from './allocation';
import { rankingFor } from './assessment';
import { roundDashboard } from './bids';
import type { HandlerContext } from './context';
import { buildLetterDocx, buildLetterPdf } from './exports/letters';
import {
  buildNoticeDocx,
  buildNoticePdf,
  buildPublicSummaryDocx,
  buildPublicSummaryPdf,
} from './exports/notice';
import type { LetterData, NoticeBid, NoticeData } from './exports/notice-types';
import { notFound, Refusal } from './refusal';
import { mustGetRound } from './rounds';

// Decision notices: drafted from the record, signed by the commissioner, then locked. A signed
// notice keeps the content it was signed with, so exporting it again gives the same document.

type NoticeRow = NonNullable<ReturnType<HandlerContext['store']['notices']['get']>>;

const OFFICE_KEYS: (keyof OfficeSettings)[] = ['contactOfficer', 'telephone', 'email', 'numberPrefix'];

export function officeSettings(ctx: HandlerContext): OfficeSettings {
  return officeSettingsSchema.parse(
    Object.fromEntries(OFFICE_KEYS.map((k) => [k, ctx.store.people.setting(`office.${k}`) ?? ''])),
  );
}

/** The notice the round stands on: the newest one. */
function latest(ctx: HandlerContext, roundId: number): NoticeRow | undefined {
  return ctx.store.notices.forRound(roundId)[0];
}

/** Refuses any change to what a signed notice decided, until a superseding notice is drafted. */
export function assertNotSigned(ctx: HandlerContext, roundId: number, what: string) {
  const notice = latest(ctx, roundId);
  if (notice?.status === 'signed') {
    throw new Refusal(
      'conflict',
      `Decision ${notice.number} was signed on ${formatDate(notice.signedOn ?? notice.updatedAt)}: ${what} cannot change now. Draft a superseding notice to change the decision.`,
    );
  }
}

function wordingFor(ctx: HandlerContext, fundName: string): Wording {
  const fund = ctx.store.funds.list().find((f) => f.name === fundName);
  const stored = fund ? ctx.store.notices.template(fund.id) : undefined;
  return stored ? wordingSchema.parse(JSON.parse(stored)) : DEFAULT_WORDING;
}

export function noticeData(ctx: HandlerContext, notice: NoticeRow): NoticeData {
  if (notice.content)
    return { ...(JSON.parse(notice.content) as NoticeData), fingerprint: notice.fingerprint };
  const round = mustGetRound(ctx, notice.roundId);
  const dashboard = roundDashboard(ctx, round.id);
  const allocation = allocationFor(ctx, round.id);
  const order = new Map(rankingOrder(ctx, round.id).map((ref, i) => [ref, i]));
  const bids = ctx.store.bids.listForRound(round.id).filter((b) => b.status !== 'withdrawn');
  const asNoticeBid = (b: (typeof bids)[number]): NoticeBid => {
    const item = allocation.items.find((i) => i.bidId === b.id);
    return {
      ref: b.ref,
      partnership: b.partnership,
      title: b.title,
      requestedPence: b.requestedPence,
      reducedPence: b.reducedPence,
      awardedPence: item?.amountPence ?? null,
      conditions: item?.conditions ?? '',
      reason: item?.reason ?? '',
    };
  };
  const byRank = (a: NoticeBid, b: NoticeBid) =>
    (order.get(a.ref) ?? 999) - (order.get(b.ref) ?? 999) ||
    a.ref.localeCompare(b.ref, 'en-GB', { numeric: true });
  const views = ctx.store.board.views(round.id);
  const supersedes = notice.supersedesId
    ? (ctx.store.notices.get(notice.supersedesId)?.number ?? null)
    : null;
  const office = officeSettings(ctx);
  const wording = wordingSchema.parse(JSON.parse(notice.wording));
  return {
    marking: notice.marking,
    number: notice.number,
    title: notice.title,
    contact: { officer: office.contactOfficer, telephone: office.telephone, email: office.email },
    wording,
    fund: round.fund,
    roundName: round.name,
    financialYear: round.financialYear,
    budgetPence: round.budgetPence,
    commitments: round.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
    availablePence: round.availablePence,
    requestedPence: round.requestedPence,
    bidCount: round.bidCount,
    partnershipCount: dashboard.partnerships.length,
    noBidFrom: dashboard.partnershipsWithoutBids,
    board:
      views.length === 0
        ? null
        : {
            meetingOn: views.find((v) => v.meetingOn)?.meetingOn ?? null,
            summary: bids
              .filter((b) => views.some((v) => v.bidId === b.id))
              .map(
                (b) =>
                  `${b.ref}: ${views
                    .filter((v) => v.bidId === b.id)
                    .map(
                      (v) =>
                        `${BOARD_VIEW_LABELS[v.view].toLowerCase()}${v.comment ? ` (${v.comment})` : ''}`,
                    )
                    .join('; ')}`,
              ),
          },
    decisions: bids
      .map(asNoticeBid)
      .filter((b) => b.awardedPence !== null)
      .sort(byRank),
    awardedPence: allocation.allocatedPence,
    remainingPence: allocation.remainingPence,
    appendixA: bids.map(asNoticeBid).sort((a, b) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true })),
    appendixB: notice.includeAppendixB
      ? bids.map((b) => ({
          ref: b.ref,
          title: b.title,
          sections: ctx.store.bids.get(b.id)?.sections.map(({ heading, body }) => ({ heading, body })) ?? [],
        }))
      : null,
    signature: notice.signedBy
      ? {
          name: notice.signedBy,
          role: notice.signedRole ?? wording.signatoryRole,
          date: notice.signedOn ?? '',
          interests: notice.interests ?? '',
        }
      : null,
    fingerprint: notice.fingerprint,
    draft: notice.status !== 'signed' && notice.status !== 'superseded',
    demoNotice: round.demoNotice,
    supersedes,
  };
}

function rankingOrder(ctx: HandlerContext, roundId: number): string[] {
  return ctx.store.frameworks.forRound(roundId) ? rankingFor(ctx, roundId).map((r) => r.ref) : [];
}

function view(ctx: HandlerContext, notice: NoticeRow) {
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
    signedBy: notice.signedBy,
    signedOn: notice.signedOn,
    interests: notice.interests,
    fingerprint: notice.fingerprint,
    supersedes: notice.supersedesId ? (ctx.store.notices.get(notice.supersedesId)?.number ?? null) : null,
    preview: noticeData(ctx, notice),
  };
}

function createNotice(ctx: HandlerContext, roundId: number, supersedesId: number | null) {
  const round = mustGetRound(ctx, roundId);
  const now = ctx.now();
  const year = Number(now.slice(0, 4));
  const sequence = ctx.store.notices.nextSequence(year);
  const number = `${officeSettings(ctx).numberPrefix}${String(sequence).padStart(3, '0')}/${year}`;
  const id = ctx.store.notices.create({
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

function fingerprintOf(data: NoticeData): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...data, fingerprint: null }))
    .digest('hex');
}

export const noticeHandlers = {
  'office:get': (_input: object, ctx: HandlerContext) => officeSettings(ctx),

  'office:set': (input: ParsedInput<'office:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'change the office settings', { setup: true });
      for (const key of OFFICE_KEYS) ctx.store.people.setSetting(`office.${key}`, input[key]);
      return officeSettings(ctx);
    }),

  'notices:template': (input: ParsedInput<'notices:template'>, ctx: HandlerContext) =>
    wordingFor(ctx, input.fund),

  'notices:setTemplate': (input: ParsedInput<'notices:setTemplate'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, "edit the office's standard wording");
      const fund = ctx.store.funds.list().find((f) => f.name.toLowerCase() === input.fund.toLowerCase());
      if (!fund) throw new Refusal('not_found', `There is no fund called "${input.fund}"`);
      ctx.store.notices.setTemplate(fund.id, JSON.stringify(input.wording), ctx.now());
      return wordingFor(ctx, fund.name);
    }),

  'notices:get': (input: ParsedInput<'notices:get'>, ctx: HandlerContext) => {
    mustGetRound(ctx, input.roundId);
    const notice = latest(ctx, input.roundId);
    return notice ? view(ctx, notice) : null;
  },

  'notices:create': (input: ParsedInput<'notices:create'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'draft a decision notice');
      const current = latest(ctx, input.roundId);
      if (current?.status === 'signed')
        throw new Refusal(
          'conflict',
          `Decision ${current.number} is signed: draft a superseding notice instead`,
        );
      if (current) return view(ctx, current);
      return view(ctx, createNotice(ctx, input.roundId, null));
    }),

  'notices:update': (input: ParsedInput<'notices:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'edit a decision notice');
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
      return view(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),

  'notices:ready': (input: ParsedInput<'notices:ready'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'send a notice for sign-off');
      const notice = latest(ctx, input.roundId);
      if (!notice) throw new Refusal('not_found', 'This round has no decision notice yet');
      if (notice.status !== 'draft')
        throw new Refusal('conflict', `Decision ${notice.number} is ${notice.status}`);
      if (allocationFor(ctx, input.roundId).items.length === 0)
        throw new Refusal(
          'conflict',
          'The allocation is empty: allocate money before sending the notice for sign-off',
        );
      ctx.store.notices.update(notice.id, { status: 'ready', updatedAt: ctx.now() });
      return view(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),

  'notices:sign': (input: ParsedInput<'notices:sign'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, ['commissioner'], 'sign a decision notice');
      const round = mustGetRound(ctx, input.roundId);
      const current = latest(ctx, round.id);
      if (current?.status === 'signed')
        throw new Refusal('conflict', `This round's decision ${current.number} is already signed`);
      if (allocationFor(ctx, round.id).items.length === 0)
        throw new Refusal('conflict', 'The allocation is empty: there is no decision to sign');
      const notice = current ?? createNotice(ctx, round.id, null);
      const date = input.date ?? ctx.now().slice(0, 10);
      const wording = wordingSchema.parse(JSON.parse(notice.wording));
      ctx.store.notices.update(notice.id, {
        signedBy: actor?.name ?? '',
        signedRole: wording.signatoryRole,
        signedOn: date,
        interests: input.interests || 'None',
        status: 'signed',
        updatedAt: ctx.now(),
      });
      const signed = ctx.store.notices.get(notice.id) as NoticeRow;
      const content = { ...noticeData(ctx, signed), draft: false, fingerprint: null };
      const fingerprint = fingerprintOf(content);
      ctx.store.notices.update(notice.id, { content: JSON.stringify(content), fingerprint });
      if (notice.supersedesId) ctx.store.notices.update(notice.supersedesId, { status: 'superseded' });
      return view(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),

  'notices:supersede': (input: ParsedInput<'notices:supersede'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'draft a superseding notice');
      const current = latest(ctx, input.roundId);
      if (current?.status !== 'signed')
        throw new Refusal('conflict', 'Only a signed decision can be superseded');
      return view(ctx, createNotice(ctx, input.roundId, current.id));
    }),

  'notices:export': async (input: ParsedInput<'notices:export'>, ctx: HandlerContext) => {
    const round = mustGetRound(ctx, input.roundId);
    // Exporting before anyone drafted the notice drafts it, numbered, from the record.
    const notice = latest(ctx, round.id) ?? ctx.store.transaction(() => createNotice(ctx, round.id, null));
    const data = noticeData(ctx, notice);
    const docx = input.format === 'docx';
    const file = input.public
      ? await (docx ? buildPublicSummaryDocx(data) : buildPublicSummaryPdf(data))
      : await (docx ? buildNoticeDocx(data) : buildNoticePdf(data));
    const name = `${input.public ? 'Public summary' : 'Notice of Decision'} ${notice.number.replace(/\//g, '-')}.${input.format}`;
    return {
      fileName: name,
      mediaType: docx
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
      dataBase64: file.toString('base64'),
    };
  },

  'letters:export': async (input: ParsedInput<'letters:export'>, ctx: HandlerContext) => {
    requireRole(ctx, LEAD, 'write letters to bidders');
    const round = mustGetRound(ctx, input.roundId);
    const notice = latest(ctx, round.id);
    const data = notice ? noticeData(ctx, notice) : null;
    const framework = ctx.store.frameworks.forRound(round.id);
    const scores = ctx.store.scoring.scoresForRound(round.id);
    const office = officeSettings(ctx);
    const wording = data?.wording ?? wordingFor(ctx, round.fund);
    const allocation = allocationFor(ctx, round.id);
    const bids = ctx.store.bids
      .listForRound(round.id)
      .filter(
        (b) => b.status !== 'withdrawn' && (!input.ref || b.ref.toLowerCase() === input.ref.toLowerCase()),
      );
    if (bids.length === 0)
      throw new Refusal(
        'not_found',
        input.ref ? `There is no bid ${input.ref} in this round` : 'This round has no bids',
      );
    const files = [];
    for (const bid of bids) {
      const item = allocation.items.find((i) => i.bidId === bid.id);
      const feedback = (framework?.criteria ?? [])
        .filter((c) => !c.gateway)
        .map((c) => ({
          criterion: `${c.code} ${c.name}`,
          text: scores
            .filter((s) => s.bidId === bid.id && s.criterionId === c.id && s.justification)
            .map((s) => s.justification)
            .join(' '),
        }))
        .filter((f) => f.text);
      const letter: LetterData = {
        kind: item ? 'award' : 'decline',
        issuingBody: wording.issuingBody,
        date: notice?.signedOn ?? ctx.now().slice(0, 10),
        partnership: bid.partnership,
        ref: bid.ref,
        title: bid.title,
        fund: round.fund,
        roundName: round.name,
        requestedPence: bid.requestedPence,
        awardedPence: item?.amountPence ?? null,
        conditions: item?.conditions ?? '',
        feedback,
        noticeNumber: notice?.number ?? 'not yet numbered',
        contact: { officer: office.contactOfficer, telephone: office.telephone, email: office.email },
        signatoryRole: wording.signatoryRole,
        demoNotice: round.demoNotice,
      };
      const content = input.format === 'docx' ? await buildLetterDocx(letter) : await buildLetterPdf(letter);
      files.push({
        fileName: `${bid.ref} ${item ? 'award' : 'decline'} letter.${input.format}`,
        mediaType:
          input.format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        dataBase64: content.toString('base64'),
        summary: item ? `${bid.ref}: ${formatMoney(item.amountPence)} awarded` : `${bid.ref}: not funded`,
      });
    }
    return files;
  },
};
