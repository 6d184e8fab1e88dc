import { STAGE_LABELS } from '../../../shared/stages';
import { Link } from 'wouter';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { RoundDashboard } from '../../../shared/dashboard';
import { api } from '../api';
import { FlagList } from '../components/Flags';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { RoundTasks } from '../components/RoundTasks';
import { StageBar } from '../components/StageBar';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';
import { openBidsFiltered } from './BidsPage';
import { useMayWrite } from '../packs/round-copy';

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'alert' | 'ok' }) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function overUnder(pence: number): { text: string; tone: 'alert' | 'ok' } {
  return pence > 0
    ? { text: `${formatMoney(pence)} over`, tone: 'alert' }
    : { text: `${formatMoney(-pence)} to spare`, tone: 'ok' };
}

/** Requested by partnership, as a table whose last column draws the bars, with the money available marked. */
function PartnershipChart({ data }: { data: RoundDashboard }) {
  const max = Math.max(data.round.availablePence, ...data.partnerships.map((p) => p.requestedPence), 1);
  const percent = (pence: number) => `${(pence / max) * 100}%`;
  return (
    <table className="table">
      <caption className="table__caption">Bids by partnership</caption>
      <thead>
        <tr>
          <th scope="col">Partnership</th>
          <th scope="col" className="numeric">
            Bids
          </th>
          <th scope="col" className="numeric">
            Requested
          </th>
          <th scope="col" className="numeric">
            With reductions
          </th>
          <th scope="col" className="numeric">
            Schedule says
          </th>
          <th scope="col" className="bar-cell">
            Requested{' '}
            <span className="secondary">
              (dashed line: {formatMoney(data.round.availablePence)} available)
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.partnerships.map((p) => (
          <tr key={p.partnershipId}>
            <th scope="row">{p.partnership}</th>
            <td className="numeric">{p.bidCount}</td>
            <td className="numeric">{formatMoney(p.requestedPence)}</td>
            <td className="numeric">{formatMoney(p.reducedRequestedPence)}</td>
            <td className="numeric">
              {p.statedPence === null ? <span className="secondary">—</span> : formatMoney(p.statedPence)}
              {p.statedPence !== null && p.statedPence !== p.requestedPence && (
                <strong className="tag tag--red">Differs</strong>
              )}
            </td>
            <td className="bar-cell" aria-hidden="true">
              <div className="bar-track">
                <span className="bar" style={{ width: percent(p.requestedPence) }} />
                <span className="bar bar--reduced" style={{ width: percent(p.reducedRequestedPence) }} />
                <span className="bar-marker" style={{ left: percent(data.round.availablePence) }} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All partnerships</th>
          <td className="numeric">{data.partnerships.reduce((s, p) => s + p.bidCount, 0)}</td>
          <td className="numeric">{formatMoney(data.round.requestedPence)}</td>
          <td className="numeric">{formatMoney(data.round.reducedRequestedPence)}</td>
          <td />
          <td aria-hidden="true" />
        </tr>
      </tfoot>
    </table>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function RoundOverviewPage({ id }: { id: number }) {
  const flash = useFlash();
  const [dashboard, reload] = useResult(() => api.rounds.dashboard({ id }), `dashboard:${id}`);
  const { may } = useMayWrite(id);
  if (dashboard.state === 'loading') return <p aria-live="polite">Loading round…</p>;
  if (dashboard.state === 'failed') {
    return (
      <Page title="Round not available">
        <LoadFailure message={dashboard.error.message} />
        <Link href="/rounds">Back to funding rounds</Link>
      </Page>
    );
  }
  const data = dashboard.value;
  const r = data.round;
  const over = overUnder(data.overPence);
  const overReduced = overUnder(data.overWithReductionsPence);
  return (
    <Page
      title={r.name}
      caption={`${r.fund}${r.financialYear ? ` · ${r.financialYear}` : ''}`}
      actions={
        !r.archived &&
        may('rounds:update') && (
          <Link href={`/rounds/${r.id}/edit`} className="button button--secondary">
            Edit round
          </Link>
        )
      }
    >
      <RoundNav roundId={r.id} />
      <DemoBanner notice={r.demoNotice} />
      <StageBar round={r} onMoved={reload} />
      {flash && <Banner kind="success">{flash}</Banner>}
      {r.archived && (
        <Banner kind="important">
          This round is archived. Restore it from the list of funding rounds to change it.
        </Banner>
      )}
      {/* The task list is the office's way through the round: a copy holds only the recipient's part. */}
      {!r.isCopy && <RoundTasks roundId={r.id} refreshKey={`${r.stage}:${r.updatedAt}`} />}
      <h2 className="heading-m">Money</h2>
      <dl className="figures">
        <Figure label="Budget" value={formatMoney(r.budgetPence)} />
        <Figure label="Commitments already made" value={formatMoney(r.committedPence)} />
        <Figure label="Available to allocate" value={formatMoney(r.availablePence)} />
        <Figure
          label={`Requested in ${r.bidCount} ${r.bidCount === 1 ? 'bid' : 'bids'}`}
          value={formatMoney(r.requestedPence)}
        />
        <Figure label="Against what is available" value={over.text} tone={over.tone} />
        <Figure label="With every offered reduction" value={overReduced.text} tone={overReduced.tone} />
      </dl>
      {r.commitments.length > 0 && (
        <table className="table">
          <caption className="table__caption">Commitments already made</caption>
          <tbody>
            {r.commitments.map((c) => (
              <tr key={c.id}>
                <td>{c.description}</td>
                <td className="numeric">{formatMoney(c.amountPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="heading-m">Bids</h2>
      {data.flags.length > 0 && <FlagList flags={data.flags} />}
      {data.flaggedBidCount > 0 && (
        <p>
          <Link href={`/rounds/${r.id}/bids`} onClick={() => openBidsFiltered({ flag: 'problems' })}>
            {data.flaggedBidCount} {data.flaggedBidCount === 1 ? 'bid has figures' : 'bids have figures'} that
            do not add up
          </Link>
        </p>
      )}
      {data.partnerships.length === 0 ? (
        <p className="body">
          No bids yet. <Link href={`/rounds/${r.id}/import`}>Import a schedule of bids</Link> or{' '}
          <Link href={`/rounds/${r.id}/bids/new`}>record a bid</Link>.
        </p>
      ) : (
        <PartnershipChart data={data} />
      )}
      {data.partnershipsWithoutBids.length > 0 && (
        <p className="hint">No bids from: {data.partnershipsWithoutBids.join(', ')}.</p>
      )}
      <p className="hint">
        {r.planTitle ? `Scored against ${r.planTitle}. ` : ''}
        {r.stage === 'setup' || r.stage === 'open'
          ? r.status === 'closed'
            ? 'Closed to new bids. '
            : 'Open for bids. '
          : `${STAGE_LABELS[r.stage]}: closed to new bids. `}
        {r.opensOn ? `Opened ${formatDate(r.opensOn)}. ` : ''}
        {r.closesOn ? `Closes ${formatDate(r.closesOn)}. ` : ''}
        Created {formatDate(r.createdAt)}; last changed {formatDate(r.updatedAt)}.{' '}
        <button type="button" className="link-button" onClick={reload}>
          Refresh figures
        </button>
      </p>
    </Page>
  );
}
