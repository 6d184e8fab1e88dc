import { Link } from 'wouter';
import type { RankingRowView } from '../../../shared/assessment';
import { formatMoney } from '../../../shared/money';
import { rankText } from '../../../shared/ranking';
import { api } from '../api';
import { LoadFailure } from '../components/Page';
import type { VirtualColumn } from '../components/VirtualTable';
import { useResult } from '../hooks/useResult';

/** A bid's row in the ranking is about three lines high until its breakdown is opened. */
export const ESTIMATED_ROW = 86;

interface Weight {
  weight: number;
  gateway: boolean;
}

function marks(r: RankingRowView): string[] {
  return [
    r.failedGateway && 'Failed a gateway',
    r.belowMinimum && 'Below a criterion minimum',
    r.belowThreshold && 'Below the threshold',
  ].filter((m): m is string => Boolean(m));
}

/** The ranking table's columns; `weights` maps a criterion's code to its weight, built once. */
// long-function: the ranking table's columns, one entry each, in the order shown
export function rankingColumns({
  roundId,
  shared,
  weights,
  opened,
  toggle,
}: {
  roundId: number;
  shared: ReadonlySet<number>;
  weights: ReadonlyMap<string, Weight>;
  opened: ReadonlySet<number>;
  toggle: (bidId: number, open: boolean) => void;
}): VirtualColumn<RankingRowView>[] {
  return [
    {
      key: 'rank',
      label: 'Rank',
      numeric: true,
      render: (r) => (r.complete ? rankText(r.rank, shared) : ''),
    },
    {
      key: 'bid',
      label: 'Bid',
      render: (r) => (
        <>
          <div className="truncate" title={`${r.ref} ${r.title}`}>
            <Link href={`/rounds/${roundId}/bids/${r.bidId}`}>{r.ref}</Link> {r.title}
          </div>
          <div className="hint truncate">{r.partnership}</div>
          <details
            className="details details--inline"
            open={opened.has(r.bidId)}
            onToggle={(e) => toggle(r.bidId, e.currentTarget.open)}
          >
            <summary>
              How {r.ref}&apos;s score was reached
              <span className="visually-hidden"> ({r.weightedScore ?? 'not scored'})</span>
            </summary>
            {opened.has(r.bidId) && <Breakdown roundId={roundId} bid={r} weights={weights} />}
          </details>
        </>
      ),
    },
    { key: 'requested', label: 'Requested', numeric: true, render: (r) => formatMoney(r.requestedPence) },
    {
      key: 'score',
      label: 'Weighted score',
      numeric: true,
      render: (r) =>
        r.complete ? (
          <strong>{r.weightedScore?.toFixed(2)}</strong>
        ) : (
          <span className="hint">
            Not yet scored ({r.assessorCount} of {r.assessorsExpected} assessors)
          </span>
        ),
    },
    { key: 'assessors', label: 'Assessors', numeric: true, render: (r) => r.assessorCount },
    {
      key: 'marked',
      label: 'Marked',
      render: (r) => (
        <div className="cell-wrap">
          {r.moderationOpen && (
            <Link className="tag tag--yellow" href={`/rounds/${roundId}/moderation`}>
              Moderation open
            </Link>
          )}
          {marks(r).map((m) => (
            <strong key={m} className="tag tag--red">
              {m}
            </strong>
          ))}
          {r.checks.map((c) => (
            <div key={c} className="hint">
              Check: {c}
            </div>
          ))}
          {r.openQueries.map((q) => (
            <div key={q} className="hint">
              Open query: {q}
            </div>
          ))}
        </div>
      ),
    },
  ];
}

/**
 * How one bid's weighted score was reached, criterion by criterion: asked for when the row is
 * opened, so the page need not fetch and hold every bid's breakdown to show its rows.
 */
function Breakdown({
  roundId,
  bid,
  weights,
}: {
  roundId: number;
  bid: RankingRowView;
  weights: ReadonlyMap<string, Weight>;
}) {
  const [breakdown] = useResult(
    () => api.assessment.breakdown({ roundId, bidId: bid.bidId }),
    `breakdown:${roundId}:${bid.bidId}`,
  );
  if (breakdown.state === 'failed') return <LoadFailure message={breakdown.error.message} />;
  if (breakdown.state === 'loading') return <p className="hint">Loading the breakdown…</p>;
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">Breakdown for {bid.ref}</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Scores</th>
          <th scope="col" className="numeric">
            Used
          </th>
          <th scope="col" className="numeric">
            Weight
          </th>
          <th scope="col" className="numeric">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {breakdown.value.criteria.map((c) => {
          const weight = weights.get(c.code);
          return (
            <tr key={c.code}>
              <td>{c.code}</td>
              <td>{c.scores.join(', ') || '—'}</td>
              <td className="numeric">
                {c.value === null ? '—' : c.value.toFixed(2)}
                {c.moderated && <strong className="tag tag--purple">Moderated</strong>}
              </td>
              <td className="numeric">{weight?.gateway ? 'Pass/fail' : `${weight?.weight ?? ''}%`}</td>
              <td className="numeric">{c.contribution === null ? '' : c.contribution.toFixed(2)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
