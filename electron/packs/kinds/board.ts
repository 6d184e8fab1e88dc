import { boardContent, writeBoardCopy } from './board-copy';
import { boardReturn, mergeBoardReturn } from './board-merge';
import { boardPayloadSchema, boardReturnSchema } from './board-payload';
import { parsePayload } from './parse-payload';
import type { PackKindModule } from './types';

// The board pack (office → board member) and its return: the shortlist, the ranking with its
// breakdown, the business cases and the scenarios go out; the member's views and comments come
// back. The copy opens at board review, where the member sees the ranking and shortlist as a
// member of the panel does at the office.

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
    const written = writeBoardCopy(
      ctx,
      parsePayload(boardPayloadSchema, payload, 'board pack'),
      copyId,
      recipient,
    );
    return { roundId: written.roundId, summary: { bids: written.bids } };
  },

  answer(ctx, { roundId, me }) {
    const payload = boardReturn(ctx, roundId, me);
    return { payload, summary: { views: payload.views.length } };
  },

  receive(ctx, { round, payload, sender, answered, receivedAt, lastReceivedAt }) {
    return mergeBoardReturn(ctx, round, sender, parsePayload(boardReturnSchema, payload, 'return'), {
      packMadeAt: answered.createdAt,
      lastReceivedAt,
      receivedAt,
    });
  },
};
