import { STAGE_LABELS } from '../../../shared/stages';
import { Refusal } from '../../handlers/refusal';
import { assessorContent, writeAssessorCopy } from './assessor-copy';
import { assessorReturn, mergeAssessorReturn } from './assessor-merge';
import { assessorPayloadSchema, assessorReturnSchema } from './assessor-payload';
import { parsePayload } from './parse-payload';
import type { PackKindModule } from './types';

// The assessor pack (office → assessor) and its return. The copy opens at the assessment stage,
// where the usual rules hold: declare first, justify every score, submit per bid.

export const assessorKind: PackKindModule = {
  kind: 'assessor',
  recipientRoles: ['policy_officer', 'lead_officer'],

  make(ctx, { round, recipient }) {
    if (round.stage !== 'assessment')
      throw new Refusal(
        'conflict',
        `Round "${round.name}" is at ${STAGE_LABELS[round.stage].toLowerCase()}: assessor packs are made ` +
          'while the round is at assessment',
      );
    const payload = assessorContent(ctx, round, recipient);
    return {
      payload,
      summary: { bids: payload.bids.length, refs: payload.bids.map((b) => b.ref) },
    };
  },

  open(ctx, { payload, copyId, recipient }) {
    const content = parsePayload(assessorPayloadSchema, payload, 'assessor pack');
    const written = writeAssessorCopy(ctx, content, copyId, recipient);
    return { roundId: written.roundId, summary: { bids: written.bids, attachments: written.attachments } };
  },

  answer(ctx, { roundId, me }) {
    const payload = assessorReturn(ctx, roundId, me);
    return {
      payload,
      summary: {
        declarations: payload.declarations.length,
        scores: payload.scores.length,
        submissions: payload.submissions.length,
      },
    };
  },

  receive(ctx, { round, payload, sender, answered, receivedAt, lastReceivedAt }) {
    return mergeAssessorReturn(ctx, round, sender, parsePayload(assessorReturnSchema, payload, 'return'), {
      packMadeAt: answered.createdAt,
      lastReceivedAt,
      receivedAt,
    });
  },
};
