import type { ParsedInput } from '../../shared/contract';
import { formatMoney } from '../../shared/money';
import { LEAD, requireRole } from './actor';
import { allocationFor } from './allocation';
import type { HandlerContext } from './context';
import { buildLetterDocx, buildLetterPdf } from './exports/letters';
import type { LetterData } from './exports/notice-types';
import { noticeData } from './notice-content';
import { latestNotice as latest } from './notice-record';
import { wordingFor } from './notice-wording';
import { officeSettings } from './office';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// Award and decline letters to every bidder, with the assessors' feedback.

export const letterHandlers = {
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
