import type { ParsedInput } from '../../shared/contract';
import { safeFileName } from '../../shared/file-names';
import { declineReason } from '../../shared/decline-reason';
import { formatMoney } from '../../shared/money';
import { allocationFor } from './allocation';
import { assertSeesRanking } from './blind-scoring';
import { getFramework } from './frameworks';
import { rankingFor } from './ranking';
import type { ReadContext } from './context';
import { buildLetterDocx, buildLetterPdf } from './exports/letters';
import type { LetterData, NoticeBid } from './exports/notice-types';
import { noticeData } from './notice-content';
import { latestNotice as latest } from './notice-record';
import { wordingFor } from './notice-wording';
import { officeSettings } from './office';
import { feedbackFor } from './feedback';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Award and decline letters to every bidder: the outcome, why, and each criterion's score as it counted.

/** Each bid not withdrawn, with what the working allocation gives it. */
function liveDecisions(ctx: ReadContext, roundId: number): NoticeBid[] {
  const allocation = allocationFor(ctx, roundId);
  const itemOf = new Map(allocation.items.map((i) => [i.bidId, i]));
  return ctx.store.bids
    .listForRound(roundId)
    .filter((b) => b.status !== 'withdrawn')
    .map((b) => {
      const item = itemOf.get(b.id);
      return {
        ref: b.ref,
        partnership: b.partnership,
        title: b.title,
        requestedPence: b.requestedPence,
        reducedPence: b.reducedPence,
        awardedPence: item?.amountPence ?? null,
        conditions: item?.conditions ?? '',
      };
    });
}

export const letterHandlers = {
  // long-function: builds every letter of a round in one pass over its bids and awards
  'letters:export': async (input: ParsedInput<'letters:export'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    // Letters give the scores: blind scoring decides whose the writer may see.
    const visibility = assertSeesRanking(ctx, round.id, 'letters quoting the assessors');
    const notice = latest(ctx, round.id);
    const data = notice ? noticeData(ctx, notice) : null;
    const framework = ctx.store.frameworks.forRound(round.id);
    const office = officeSettings(ctx);
    const wording = data?.wording ?? wordingFor(ctx, round.fund);
    // Once signed, letters say what the signed notice says, from its frozen content, never the
    // live record; until then they are drafted from the record.
    const decided: NoticeBid[] =
      notice?.status === 'signed' && data ? data.appendixA : liveDecisions(ctx, round.id);
    // A withdrawn bid is in no notice, but its partnership still gets a letter saying so.
    const withdrawn = ctx.store.bids
      .listForRound(round.id)
      .filter((b) => b.status === 'withdrawn')
      .map((b): NoticeBid => ({
        ref: b.ref,
        partnership: b.partnership,
        title: b.title,
        requestedPence: b.requestedPence,
        reducedPence: b.reducedPence,
        awardedPence: null,
        conditions: '',
      }));
    const withdrawnRefs = new Set(withdrawn.map((b) => b.ref));
    const bids = [...decided, ...withdrawn].filter(
      (b) => !input.ref || b.ref.toLowerCase() === input.ref.toLowerCase(),
    );
    if (bids.length === 0)
      throw new Refusal(
        'not_found',
        input.ref ? `There is no bid ${input.ref} in this round` : 'This round has no bids',
      );
    // Feedback gives each criterion's score as it counted (moderated where it was moderated), never
    // an assessor's name or unapproved words; the decline reason says why in plain words.
    const scale = getFramework(ctx, round.id);
    const rankOf = new Map(
      (framework ? rankingFor(ctx, round.id) : [])
        .filter((r) => visibility.bid(r.bidId))
        .map((r) => [r.bidId, r]),
    );
    const views = ctx.store.board.views(round.id);
    // Only words a lead officer approved: never a draft, never an assessor's own justification.
    const approved = new Map(
      feedbackFor(ctx, round.id)
        .filter((f) => f.approved)
        .map((f) => [`${f.ref}\u0000${f.criterion}`, f.text]),
    );
    const files = [];
    for (const bid of bids) {
      const bidId = ctx.store.bids.findByRef(round.id, bid.ref)?.id;
      const awarded = bid.awardedPence !== null;
      const ranked = bidId === undefined ? undefined : rankOf.get(bidId);
      const feedback = (scale?.criteria ?? [])
        .filter((c) => !c.gateway)
        .flatMap((c) => {
          const result = ranked?.criteria.find((r) => r.code === c.code);
          const words = approved.get(`${bid.ref}\u0000${c.code}`) ?? '';
          const scored =
            result && result.value !== null && scale
              ? `Scored ${Number.isInteger(result.value) ? String(result.value) : result.value.toFixed(1)} out of ` +
                `${scale.scale.max}${result.moderated ? ' after moderation' : ''}.`
              : '';
          const text = [scored, words].filter((part) => part !== '').join(' ');
          return text === '' ? [] : [{ criterion: `${c.code} ${c.name}`, text }];
        });
      const bidViews = views.filter((v) => v.bidId === bidId);
      const reason = awarded
        ? null
        : declineReason({
            withdrawn: withdrawnRefs.has(bid.ref),
            failedGateway: ranked?.failedGateway ?? false,
            belowMinimum: ranked?.belowMinimum ?? false,
            belowThreshold: ranked?.belowThreshold ?? false,
            score: ranked?.weightedScore ?? null,
            threshold: scale?.threshold ?? null,
            boardAgainst: bidViews.length > 0 && bidViews.every((v) => v.view === 'do_not_support'),
            boardName: notice?.boardName ?? null,
            rank: ranked?.complete ? ranked.rank : null,
          });
      const letter: LetterData = {
        kind: awarded ? 'award' : 'decline',
        issuingBody: wording.issuingBody,
        date: notice?.signedOn ?? ctx.now().slice(0, 10),
        partnership: bid.partnership,
        ref: bid.ref,
        title: bid.title,
        fund: data && notice?.status === 'signed' ? data.fund : round.fund,
        roundName: data && notice?.status === 'signed' ? data.roundName : round.name,
        requestedPence: bid.requestedPence,
        awardedPence: bid.awardedPence,
        conditions: bid.conditions,
        declineReason: reason,
        feedback,
        noticeNumber: notice?.number ?? 'not yet numbered',
        contact: { officer: office.contactOfficer, telephone: office.telephone, email: office.email },
        signatoryRole: wording.signatoryRole,
        demoNotice: round.demoNotice,
      };
      const content = input.format === 'docx' ? await buildLetterDocx(letter) : await buildLetterPdf(letter);
      files.push({
        fileName: safeFileName(`${bid.ref} ${awarded ? 'award' : 'decline'} letter.${input.format}`),
        mediaType:
          input.format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        dataBase64: content.toString('base64'),
        summary:
          (awarded ? `${bid.ref}: ${formatMoney(bid.awardedPence ?? 0)} awarded` : `${bid.ref}: not funded`) +
          (bidId !== undefined && !visibility.bid(bidId)
            ? '; without the assessors\u2019 feedback, as you declared a conflict of interest in it'
            : ''),
      });
    }
    if (!input.zip) return files;
    // One file for the office to send on: a zip of every letter (jszip, which docx already brings).
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    for (const f of files) zip.file(f.fileName, Buffer.from(f.dataBase64, 'base64'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return [
      {
        fileName: safeFileName(`Letters ${round.fund} ${round.name} (${input.format}).zip`),
        mediaType: 'application/zip',
        dataBase64: bytes.toString('base64'),
        summary: files.map((f) => f.summary).join('\n'),
      },
    ];
  },
};
