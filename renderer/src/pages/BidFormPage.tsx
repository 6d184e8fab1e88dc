import type { BidDetail } from '../../../shared/bids';
import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { bidToForm, emptyBidForm } from '../forms/bid-form';
import { useResult } from '../hooks/useResult';
import { BidForm } from './bid-form/BidForm';

export function BidFormPage({ roundId, id }: { roundId: number; id?: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [plans] = useResult(() => api.plans.list(), 'plans');
  const [existing] = useResult<BidDetail | null>(
    async () => (id === undefined ? { ok: true, value: null } : api.bids.get({ id })),
    `bid:${id ?? 'new'}`,
  );
  if (round.state === 'failed' || existing.state === 'failed') {
    return (
      <Page title="Bid not available">
        <LoadFailure
          message={
            round.state === 'failed'
              ? round.error.message
              : existing.state === 'failed'
                ? existing.error.message
                : ''
          }
        />
      </Page>
    );
  }
  if (round.state !== 'ready' || existing.state !== 'ready' || plans.state === 'loading')
    return <p aria-live="polite">Loading…</p>;
  const plan = plans.state === 'ready' ? plans.value.find((p) => p.id === round.value.planId) : undefined;
  return (
    <BidForm
      key={id ?? 'new'}
      roundId={roundId}
      existing={existing.value}
      initial={existing.value ? bidToForm(existing.value) : emptyBidForm}
      priorities={plan?.priorities ?? []}
      planTitle={plan?.title ?? null}
    />
  );
}
