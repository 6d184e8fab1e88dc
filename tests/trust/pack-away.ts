import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import type { OutboundKind } from '../../shared/packs';
import { testContext } from '../support/temp-db';
import { must } from '../audit/signed-round';

// The set-up the trust tests share: a pack the office makes, opened on the person's new laptop, and
// the assessor's work done there before the return.

/** A pack of `kind` for round 1 to `person`, made by `lead` and opened on their new laptop. */
export async function openedAway(
  lead: HandlerContext,
  kind: OutboundKind,
  person: string,
  passphrase = 'eve on the train',
) {
  const made = must(await dispatch('packs:make', { kind, roundId: 1, personName: person }, lead));
  const laptop = testContext();
  const opened = must(
    await dispatch(
      'packs:open',
      { bytesBase64: made.bytesBase64, enrolmentCode: made.enrolmentCode ?? '', newPassphrase: passphrase },
      laptop.ctx,
    ),
  );
  return { made, laptop, opened };
}

/** On the laptop, the assessor declares no conflict in S1 and scores it: each gateway passed, `score` elsewhere. */
export async function scoreS1(laptop: HandlerContext, roundId: number, score: number, submit?: true) {
  const bid = laptop.store.bids.findByRef(roundId, 'S1')!;
  const framework = laptop.store.frameworks.forRound(roundId)!;
  must(await dispatch('assessment:declare', { roundId, bidRefs: ['S1'], conflict: false }, laptop));
  must(
    await dispatch(
      'assessment:score',
      {
        bidId: bid.id,
        ...(submit ? { submit } : {}),
        scores: framework.criteria.map((c) => ({
          criterionId: c.id,
          score: c.gateway ? 1 : score,
          justification: 'Scored on the train from the business case',
        })),
      },
      laptop,
    ),
  );
}
