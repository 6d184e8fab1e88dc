import type { ParsedInput } from '../../shared/contract';
import type { HandlerContext } from './context';
import { createNotice, noticeView } from './notice-lifecycle';
import { latestNotice as latest, type NoticeRow } from './notice-record';
import { Refusal } from './refusal';

// The notice in the office's own words: the executive summary and background a lead officer writes
// before sign-off, and the board meeting that reviewed the shortlist. All are part of the content the
// commissioner signs, so they are frozen with it.

/** Absent keeps the stored value; blank clears it. */
const kept = (value: string | null | undefined, stored: string | null): string | null =>
  value === undefined ? stored : value === null || value === '' ? null : value;

export const noticeWordsHandlers = {
  'notices:set': (input: ParsedInput<'notices:set'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const current = latest(ctx, input.roundId);
      if (current?.status === 'signed')
        throw new Refusal(
          'conflict',
          `Decision ${current.number} is signed and cannot be edited. Draft a superseding notice to change it.`,
        );
      const notice = current ?? createNotice(ctx, input.roundId, null);
      ctx.store.notices.update(notice.id, {
        executiveSummary: kept(input.summary, notice.executiveSummary),
        background: kept(input.background, notice.background),
        boardName: kept(input.boardName, notice.boardName),
        boardDate: kept(input.boardDate, notice.boardDate),
        // Changing the words sends a notice that was ready for sign-off back to draft.
        status: 'draft',
        updatedAt: ctx.now(),
      });
      return noticeView(ctx, ctx.store.notices.get(notice.id) as NoticeRow);
    }),
};
