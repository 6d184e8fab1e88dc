import type { ParsedInput } from '../../shared/contract';
import { safeFileName } from '../../shared/file-names';
import { formatMoney } from '../../shared/money';
import { allocationFor } from './allocation';
import type { ReadContext } from './context';
import { buildLetterDocx, buildLetterPdf } from './exports/letters';
import type { LetterData, NoticeBid } from './exports/notice-types';
import { noticeData } from './notice-content';
import { latestNotice as latest } from './notice-record';
import { wordingFor } from './notice-wording';
import { officeSettings } from './office';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Award and decline letters to every bidder, with the assessors' feedback.

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
  'letters:export': async (input: ParsedInput<'letters:export'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    const notice = latest(ctx, round.id);
    const data = notice ? noticeData(ctx, notice) : null;
    const framework = ctx.store.frameworks.forRound(round.id);
    // Feedback quotes only what counted: submitted scores of assessors without a conflict.
    const key = (x: { bidId: number; personId: number }) => `${x.bidId}:${x.personId}`;
    const submitted = new Set(ctx.store.scoring.submissionsForRound(round.id).map(key));
    const conflicted = new Set(
      ctx.store.scoring
        .declarationsForRound(round.id)
        .filter((d) => d.conflict)
        .map(key),
    );
    const scores = ctx.store.scoring
      .scoresForRound(round.id)
      .filter((s) => submitted.has(key(s)) && !conflicted.has(key(s)));
    const office = officeSettings(ctx);
    const wording = data?.wording ?? wordingFor(ctx, round.fund);
    // Once signed, letters say what the signed notice says, from its frozen content, never the
    // live record; until then they are drafted from the record.
    const decided: NoticeBid[] =
      notice?.status === 'signed' && data ? data.appendixA : liveDecisions(ctx, round.id);
    const bids = decided.filter((b) => !input.ref || b.ref.toLowerCase() === input.ref.toLowerCase());
    if (bids.length === 0)
      throw new Refusal(
        'not_found',
        input.ref ? `There is no bid ${input.ref} in this round` : 'This round has no bids',
      );
    // Looked up by key rather than searched for each bid: a round may have thousands.
    const justifications = new Map<string, string[]>();
    for (const s of scores) {
      if (!s.justification) continue;
      const key = `${s.bidId}:${s.criterionId}`;
      const list = justifications.get(key);
      if (list) list.push(s.justification);
      else justifications.set(key, [s.justification]);
    }
    const files = [];
    for (const bid of bids) {
      const bidId = ctx.store.bids.findByRef(round.id, bid.ref)?.id;
      const awarded = bid.awardedPence !== null;
      const feedback = (framework?.criteria ?? [])
        .filter((c) => !c.gateway)
        .map((c) => ({
          criterion: `${c.code} ${c.name}`,
          text: (justifications.get(`${bidId}:${c.id}`) ?? []).join(' '),
        }))
        .filter((f) => f.text);
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
        summary: awarded
          ? `${bid.ref}: ${formatMoney(bid.awardedPence ?? 0)} awarded`
          : `${bid.ref}: not funded`,
      });
    }
    return files;
  },
};
