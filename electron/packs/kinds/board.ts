import type { z } from 'zod';
import { Refusal } from '../../handlers/refusal';
import { boardContent, writeBoardCopy } from './board-copy';
import { boardReturn, mergeBoardReturn } from './board-merge';
import { boardPayloadSchema, boardReturnSchema } from './board-payload';
import type { PackKindModule } from './types';

// The board pack (office → board member) and its return: the shortlist, the ranking with its
// breakdown, the business cases and the scenarios go out; the member's views and comments come
// back. The copy opens at board review, where the member sees the ranking and shortlist as a
// member of the panel does at the office.

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Refusal(
      'invalid_input',
      `The ${what} is damaged or not one Tranche makes; nothing was changed`,
    );
  return parsed.data;
}

export const boardKind: PackKindModule = {
  kind: 'board',
  recipientRoles: ['board_member'],

  make(ctx, { round }) {
    const payload = boardContent(ctx, round);
    return {
      payload,
      summary: { bids: payload.bids.length, scores: payload.scores.length, views: payload.views.length },
    };
  },

  open(ctx, { payload, copyId, recipient }) {
    const written = writeBoardCopy(ctx, parse(boardPayloadSchema, payload, 'board pack'), copyId, recipient);
    return { roundId: written.roundId, summary: { bids: written.bids } };
  },

  answer(ctx, { roundId, me }) {
    const payload = boardReturn(ctx, roundId, me);
    return { payload, summary: { views: payload.views.length } };
  },

  receive(ctx, { round, payload, sender }) {
    return mergeBoardReturn(ctx, round, sender, parse(boardReturnSchema, payload, 'return'));
  },
};
