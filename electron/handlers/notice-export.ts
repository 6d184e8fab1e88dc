import type { ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './context';
import { scoreVisibilityFor } from './blind-scoring';
import {
  buildNoticeDocx,
  buildNoticePdf,
  buildPublicSummaryDocx,
  buildPublicSummaryPdf,
} from './exports/notice';
import { noticeData } from './notice-content';
import { signedAttachment } from './notice-signing';
import { createNotice } from './notice-lifecycle';
import { latestNotice as latest } from './notice-record';
import { mustGetRound } from './round-lookup';

// The Notice of Decision and its public summary as Word or PDF files.

export const noticeExportHandlers = {
  'notices:export': async (input: ParsedInput<'notices:export'>, ctx: HandlerContext) => {
    const round = mustGetRound(ctx, input.roundId);
    // Exporting before anyone drafted the notice drafts it, numbered, from the record.
    const notice = latest(ctx, round.id) ?? ctx.store.transaction(() => createNotice(ctx, round.id, null));
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
