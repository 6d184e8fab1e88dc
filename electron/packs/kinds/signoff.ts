import type { z } from 'zod';
import { Refusal } from '../../handlers/refusal';
import { signoffContent, writeSignoffCopy } from './signoff-copy';
import { signoffPayloadSchema, signoffReturnSchema } from './signoff-payload';
import { receiveSignature, signoffReturn } from './signoff-receive';
import type { PackKindModule } from './types';

// The sign-off pack (office → commissioner) and its return: the notice awaiting sign-off goes out
// with its full decision content; it comes back signed with the commissioner's own key.

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Refusal(
      'invalid_input',
      `The ${what} is damaged or not one Tranche makes; nothing was changed`,
    );
  return parsed.data;
}

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
    const written = writeSignoffCopy(ctx, parse(signoffPayloadSchema, payload, 'sign-off pack'), copyId);
    return { roundId: written.roundId, summary: { notice: written.notice, bids: written.bids } };
  },

  answer(ctx, { roundId }) {
    const payload = signoffReturn(ctx, roundId);
    return { payload, summary: { notice: payload.notice.number, signed: true } };
  },

  receive(ctx, { round, payload, sender }) {
    return receiveSignature(ctx, round, sender, parse(signoffReturnSchema, payload, 'signed notice'));
  },
};
