import { deliveryContent, writeDeliveryCopy } from './delivery-copy';
import { deliveryReturn, mergeDeliveryReturn } from './delivery-merge';
import { deliveryPayloadSchema, deliveryReturnSchema } from './delivery-payload';
import { parsePayload } from './parse-payload';
import type { PackKindModule } from './types';

// The delivery pack (office → an officer following a signed round's grants away from the office)
// and its return: the grants go out as they stand; the due diligence, claims and monitoring returns
// the officer records come back, and the office applies them as that officer's own writes.

export const deliveryKind: PackKindModule = {
  kind: 'delivery',
  recipientRoles: ['policy_officer', 'lead_officer'],

  make(ctx, { round }) {
    const payload = deliveryContent(ctx, round);
    return {
      payload,
      summary: {
        grants: payload.grants.length,
        claims: payload.grants.reduce((n, g) => n + g.claims.length, 0),
        returns: payload.grants.reduce((n, g) => n + g.returns.length, 0),
      },
    };
  },

  open(ctx, { payload, copyId, recipient }) {
    const written = writeDeliveryCopy(
      ctx,
      parsePayload(deliveryPayloadSchema, payload, 'delivery pack'),
      copyId,
      recipient,
    );
    return { roundId: written.roundId, summary: { grants: written.grants } };
  },

  answer(ctx, { roundId, me }) {
    const payload = deliveryReturn(ctx, roundId, me);
    return {
      payload,
      summary: {
        diligence: payload.diligence.length,
        claims: payload.claims.length,
        returns: payload.returns.length,
      },
    };
  },

  receive(ctx, { round, payload, sender, answered }) {
    return mergeDeliveryReturn(
      ctx,
      round,
      sender,
      parsePayload(deliveryReturnSchema, payload, 'return'),
      answered.createdAt,
    );
  },
};
