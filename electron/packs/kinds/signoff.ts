import { signoffContent, writeSignoffCopy } from './signoff-copy';
import { signoffPayloadSchema, signoffReturnSchema } from './signoff-payload';
import { receiveSignature, signoffReturn } from './signoff-receive';
import { parsePayload } from './parse-payload';
import type { PackKindModule } from './types';

// The sign-off pack (office → commissioner) and its return: the notice awaiting sign-off goes out
// with its full decision content; it comes back signed with the commissioner's own key.

export const signoffKind: PackKindModule = {
  kind: 'signoff',
  recipientRoles: ['commissioner'],

  make(ctx, { round }) {
    const payload = signoffContent(ctx, round);
    return {
      payload,
      summary: { notice: payload.notice.number, noticeSha256: payload.notice.contentSha256 },
    };
  },

  open(ctx, { payload, copyId }) {
    const written = writeSignoffCopy(
      ctx,
      parsePayload(signoffPayloadSchema, payload, 'sign-off pack'),
      copyId,
    );
    return { roundId: written.roundId, summary: { notice: written.notice, bids: written.bids } };
  },

  answer(ctx, { roundId }) {
    const payload = signoffReturn(ctx, roundId);
    return { payload, summary: { notice: payload.notice.number, signed: true } };
  },

  receive(ctx, { round, payload, sender, answered, receivedAt }) {
    return receiveSignature(ctx, round, sender, parsePayload(signoffReturnSchema, payload, 'signed notice'), {
      packMadeAt: answered.createdAt,
      receivedAt,
    });
  },
};
