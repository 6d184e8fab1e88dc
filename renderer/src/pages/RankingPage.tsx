import { useMemo, useState } from 'react';
import { sharedRanks } from '../../../shared/ranking';
import { api } from '../api';
import { saveFile } from '../files';
import { LoadFailure, Page } from '../components/Page';
import { FilterShow, FilterText } from '../components/ListFilters';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { VirtualTable } from '../components/VirtualTable';
import { useResult } from '../hooks/useResult';
import { filterRanking, indexRanking, RANKING_SHOW_LABELS, type RankingShow } from '../lists/ranking-list';
import { ESTIMATED_ROW, rankingColumns } from './ranking-columns';

export const RANKING_METHOD =
  'For each criterion Tranche takes the moderated score if there is one, otherwise the mean of the ' +
  'submitted scores of assessors without a conflict of interest. It normalises that to 0–1 as (score − ' +
  'bottom of the scale) ÷ (top − bottom), multiplies by the criterion’s weight and adds the criteria ' +
  'up: a weighted score from 0 to 100. A bid that fails a pass/fail gateway, misses a criterion’s ' +
  'minimum score or falls below the quality threshold is marked and ranked after all the others; bids ' +
  'not yet fully scored (until every assessor assigned without a conflict has submitted) get no rank ' +
  'and are listed after. Equal scores are ordered by reference.';

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function RankingPage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [ranking] = useResult(() => api.assessment.rankingRows({ roundId }), `ranking-rows:${roundId}`);
  const [framework] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [show, setShow] = useState<RankingShow>('all');
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const exportPack = async (format: 'xlsx' | 'pdf') => {
    setExporting(format === 'pdf' ? 'Making the PDF…' : 'Making the workbook…');
    const result = await api.assessment.panelPack({ roundId, format });
    setExporting(null);
    if (!result.ok) return setExportError(result.error.message);
    setExportError(null);
    saveFile(result.value);
  };
  // Everything a keystroke does not change is worked out once, when the ranking arrives.
  const all = useMemo(() => (ranking.state === 'ready' ? ranking.value : []), [ranking]);
  const index = useMemo(() => indexRanking(all), [all]);
  const shared = useMemo(() => sharedRanks(all.filter((r) => r.complete).map((r) => r.rank)), [all]);
  const weights = useMemo(
    () =>
      new Map(framework.state === 'ready' ? (framework.value?.criteria ?? []).map((c) => [c.code, c]) : []),
    [framework],
  );
  const visible = useMemo(() => filterRanking(index, text, show), [index, text, show]);
  const scored = useMemo(() => visible.filter((r) => r.complete), [visible]);
  const unscored = useMemo(() => visible.filter((r) => !r.complete), [visible]);
  const toggle = (bidId: number, open: boolean) =>
    setOpened((was) => {
      if (was.has(bidId) === open) return was;
      const next = new Set(was);
      if (open) next.add(bidId);
      else next.delete(bidId);
      return next;
    });
  const columns = rankingColumns({ roundId, shared, weights, opened, toggle });
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
      {ranking.state === 'loading' && <p aria-live="polite">Loading the ranking…</p>}
      {ranking.state === 'ready' && (
        <>
          <div className="filters" role="search" aria-label="Filter the ranking">
            <FilterText id="ranking-filter-text" value={text} onChange={setText} />
            <FilterShow
              id="ranking-filter-show"
              labels={RANKING_SHOW_LABELS}
              value={show}
              onChange={setShow}
            />
          </div>
          <p aria-live="polite" className="table__caption">
            {visible.length === all.length
              ? `${count(all.length)} bids`
              : `${count(visible.length)} of ${count(all.length)} bids`}
            {unscored.length > 0 && `, ${count(unscored.length)} not yet fully scored`}
          </p>
          {scored.length > 0 && (
            <VirtualTable
              caption="Bids in rank order"
              columns={columns}
              rows={scored}
              rowKey={(r) => r.bidId}
              variableHeight
              estimateHeight={ESTIMATED_ROW}
            />
          )}
          {unscored.length > 0 && (
            <>
              <h2 className="heading-m">Not yet scored</h2>
              <p className="hint">
                These bids get a rank once every assessor assigned to them, without a conflict, has submitted
                scores.
              </p>
              <VirtualTable
                caption="Bids not yet fully scored"
                columns={columns}
                rows={unscored}
                rowKey={(r) => r.bidId}
                variableHeight
                estimateHeight={ESTIMATED_ROW}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}

const count = (n: number) => n.toLocaleString('en-GB');
