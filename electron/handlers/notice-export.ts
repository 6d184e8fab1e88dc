import type { ParsedInput } from '../../shared/contract';
import type { ReadContext } from './context';
import { scoreVisibilityFor } from './blind-scoring';
import {
  buildNoticeDocx,
  buildNoticePdf,
  buildPublicSummaryDocx,
  buildPublicSummaryPdf,
} from './exports/notice';
import { noticeData } from './notice-content';
import { signedAttachment } from './notice-signing';
import { latestNotice as latest } from './notice-record';
import { Refusal } from './refusal';
import { mustGetRound } from './round-lookup';

// The Notice of Decision and its public summary as Word or PDF files.

export const noticeExportHandlers = {
  'notices:export': async (input: ParsedInput<'notices:export'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    // Exporting reads the notice that was drafted; drafting it (and numbering it) is notices:create.
    const notice = latest(ctx, round.id);
    if (!notice)
      throw new Refusal(
        'not_found',
        `Round "${round.name}" has no Notice of Decision yet: a lead officer drafts it at the decision stage`,
      );
    const data = noticeData(ctx, notice, scoreVisibilityFor(ctx, round.id).everyBid);
    const docx = input.format === 'docx';
    const file = input.public
      ? await (docx ? buildPublicSummaryDocx(data) : buildPublicSummaryPdf(data))
      : await (docx ? buildNoticeDocx(data) : buildNoticePdf(data, signedAttachment(notice)));
    const kind = input.public ? 'Public summary' : 'Notice of Decision';
    const name = `${kind} ${notice.number.replace(/\//g, '-')}.${input.format}`;
    return {
      fileName: name,
      mediaType: docx
        ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        : 'application/pdf',
      dataBase64: file.toString('base64'),
    };
  },
};
