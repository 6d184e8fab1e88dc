import { rankText, sharedRanks } from '../../../shared/ranking';
import { Link } from 'wouter';
import { formatMoney } from '../../../shared/money';
import { useState } from 'react';
import type { Output } from '../../../shared/contract';
import { api } from '../api';
import { saveFile } from '../files';
import { LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';

export const RANKING_METHOD =
  'For each criterion Tranche takes the moderated score if there is one, otherwise the mean of the ' +
  'submitted scores of assessors without a conflict of interest. It normalises that to 0–1 as (score − ' +
  'bottom of the scale) ÷ (top − bottom), multiplies by the criterion’s weight and adds the criteria ' +
  'up: a weighted score from 0 to 100. A bid that fails a pass/fail gateway, misses a criterion’s ' +
  'minimum score or falls below the quality threshold is marked and ranked after all the others; bids ' +
  'not yet fully scored (until every assessor assigned without a conflict has submitted) get no rank ' +
  'and are listed after. Equal scores are ordered by reference.';

function marks(r: {
  failedGateway: boolean;
  belowMinimum: boolean;
  belowThreshold: boolean;
  complete: boolean;
}): string[] {
  return [
    r.failedGateway && 'Failed a gateway',
    r.belowMinimum && 'Below a criterion minimum',
    r.belowThreshold && 'Below the threshold',
  ].filter((m): m is string => Boolean(m));
}

export function RankingPage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [ranking] = useResult(() => api.assessment.ranking({ roundId }), `ranking:${roundId}`);
  const [framework] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportPack = async (format: 'xlsx' | 'pdf') => {
    setExporting(format === 'pdf' ? 'Making the PDF…' : 'Making the workbook…');
    const result = await api.assessment.panelPack({ roundId, format });
    setExporting(null);
    if (!result.ok) return setExportError(result.error.message);
    setExportError(null);
    saveFile(result.value);
  };
  type Ranked = NonNullable<Output<'assessment:ranking'>>[number];
  const scored = ranking.state === 'ready' ? ranking.value.filter((r) => r.complete) : [];
  const unscored = ranking.state === 'ready' ? ranking.value.filter((r) => !r.complete) : [];
  const shared = sharedRanks(scored.map((r) => r.rank));
  const row = (r: Ranked) => (
    <tr key={r.bidId}>
      <td className="numeric">{r.complete ? rankText(r.rank, shared) : ''}</td>
      <td>
        <Link href={`/rounds/${roundId}/bids/${r.bidId}`}>{r.ref}</Link> {r.title}
        <div className="hint">{r.partnership}</div>
        <details className="details details--inline">
          <summary>
            How {r.ref}&apos;s score was reached
            <span className="visually-hidden"> ({r.weightedScore ?? 'not scored'})</span>
          </summary>
          <table className="table table--compact">
            <caption className="visually-hidden">Breakdown for {r.ref}</caption>
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
              {r.criteria.map((c) => (
                <tr key={c.code}>
                  <td>{c.code}</td>
                  <td>{c.scores.join(', ') || '—'}</td>
                  <td className="numeric">
                    {c.value === null ? '—' : c.value.toFixed(2)}
                    {c.moderated && <strong className="tag tag--purple">Moderated</strong>}
                  </td>
                  <td className="numeric">
                    {weightOf(c.code)?.gateway ? 'Pass/fail' : `${weightOf(c.code)?.weight ?? ''}%`}
                  </td>
                  <td className="numeric">{c.contribution === null ? '' : c.contribution.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </td>
      <td className="numeric">{formatMoney(r.requestedPence)}</td>
      <td className="numeric">
        {r.complete ? (
          <strong>{r.weightedScore?.toFixed(2)}</strong>
        ) : (
          <span className="hint">
            Not yet scored ({r.assessorCount} of {r.assessorsExpected} assessors)
          </span>
        )}
      </td>
      <td className="numeric">{r.assessorCount}</td>
      <td>
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
      </td>
    </tr>
  );
  const weightOf = (code: string) =>
    framework.state === 'ready' ? framework.value?.criteria.find((c) => c.code === code) : undefined;
  return (
    <Page
      title="Ranking"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void exportPack('xlsx')}>
          Panel pack (Excel)
        </button>
        <button type="button" className="button button--secondary" onClick={() => void exportPack('pdf')}>
          Panel pack (PDF)
        </button>
        {exporting && (
          <span aria-live="polite">
            <progress className="progress" aria-label={exporting} /> {exporting}
          </span>
        )}
      </div>
      {exportError && <LoadFailure message={exportError} />}
      <details className="details">
        <summary>How the weighted score is calculated</summary>
        <p className="body">{RANKING_METHOD}</p>
      </details>
      {ranking.state === 'failed' && <LoadFailure message={ranking.error.message} />}
      {ranking.state === 'ready' && (
        <>
          <table className="table">
            <caption className="visually-hidden">Bids in rank order</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  Rank
                </th>
                <th scope="col">Bid</th>
                <th scope="col" className="numeric">
                  Requested
                </th>
                <th scope="col" className="numeric">
                  Weighted score
                </th>
                <th scope="col" className="numeric">
                  Assessors
                </th>
                <th scope="col">Marked</th>
              </tr>
            </thead>
            <tbody>{scored.map(row)}</tbody>
          </table>
          {unscored.length > 0 && (
            <>
              <h2 className="heading-m">Not yet scored</h2>
              <p className="hint">
                These bids get a rank once every assessor assigned to them, without a conflict, has submitted
                scores.
              </p>
              <table className="table">
                <caption className="visually-hidden">Bids not yet fully scored</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      Rank
                    </th>
                    <th scope="col">Bid</th>
                    <th scope="col" className="numeric">
                      Requested
                    </th>
                    <th scope="col" className="numeric">
                      Weighted score
                    </th>
                    <th scope="col" className="numeric">
                      Assessors
                    </th>
                    <th scope="col">Marked</th>
                  </tr>
                </thead>
                <tbody>{unscored.map(row)}</tbody>
              </table>
            </>
          )}
        </>
      )}
    </Page>
  );
}
