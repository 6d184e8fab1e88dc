import { Link } from 'wouter';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';

export function RoundOverviewPage({ id }: { id: number }) {
  const flash = useFlash();
  const [round] = useResult(() => api.rounds.get({ id }), `round:${id}`);
  if (round.state === 'loading') return <p aria-live="polite">Loading round…</p>;
  if (round.state === 'failed') {
    return (
      <Page title="Round not available">
        <LoadFailure message={round.error.message} />
        <Link href="/rounds">Back to funding rounds</Link>
      </Page>
    );
  }
  const r = round.value;
  return (
    <Page
      title={r.name}
      caption={r.fund}
      actions={
        !r.archived && (
          <Link href={`/rounds/${r.id}/edit`} className="button button--secondary">
            Edit round
          </Link>
        )
      }
    >
      {flash && <Banner kind="success">{flash}</Banner>}
      {r.archived && <Banner kind="important">This round is archived. Restore it from the list of funding rounds to change it.</Banner>}
      <h2 className="heading-m">Money</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Budget</dt>
          <dd className="numeric">{formatMoney(r.budgetPence)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Commitments already made</dt>
          <dd className="numeric">{formatMoney(r.committedPence)}</dd>
        </div>
        <div className="summary-list__row summary-list__row--total">
          <dt>Available to allocate</dt>
          <dd className="numeric">{formatMoney(r.availablePence)}</dd>
        </div>
      </dl>
      <p className="hint">
        Created {formatDate(r.createdAt)}; last changed {formatDate(r.updatedAt)}.
      </p>
    </Page>
  );
}
