import { useMemo, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { whyNotAllowed } from '../../../shared/may-act';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';
import { AllocationTable } from './allocation/AllocationTable';
import type { BoardViewList } from './allocation/BoardViews';
import { ScenariosSection } from './allocation/ScenariosSection';
import { SuggestionSection, type Suggestion } from './allocation/SuggestionSection';
import { ByPartnership, ByPriority, MoneyBar } from './allocation/Summaries';
import { useAllocationEditor } from './allocation/useAllocationEditor';

// The allocation page puts together its parts, each in pages/allocation/: the bids in rank order
// with what each gets (AllocationTable), the suggestion, the scenarios and their comparison, and the
// summaries. The arithmetic they share is in pages/allocation/maths.ts.

/** Everything the page reads, each reloadable after a write. */
function useAllocationData(roundId: number, role: Parameters<typeof whyNotAllowed>[1]) {
  const seesBoard = whyNotAllowed('board:pack', role, null) === null;
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [allocation, reloadAllocation] = useResult(
    () => api.allocation.get({ roundId }),
    `allocation:${roundId}`,
  );
  // The rows carry each bid's reduced amount: the bids (with their cost lines) are not read again.
  const [ranking] = useResult(() => api.assessment.rankingRows({ roundId }), `ranking-rows:${roundId}`);
  const [board] = useResult(
    (): Promise<Result<Output<'board:pack'> | null>> =>
      seesBoard ? api.board.pack({ roundId }) : Promise.resolve({ ok: true, value: null }),
    `board:${roundId}:${seesBoard}`,
  );
  const [byPriority, reloadByPriority] = useResult(
    () => api.reports.byPriority({ roundId }),
    `by-priority:${roundId}`,
  );
  const [scenarios, reloadScenarios] = useResult(
    () => api.scenarios.list({ roundId }),
    `scenarios:${roundId}`,
  );
  const views = useMemo(() => {
    const byRef = new Map<string, BoardViewList>();
    if (board.state === 'ready') for (const b of board.value ?? []) byRef.set(b.ref, b.views);
    return byRef;
  }, [board]);
  const reloadAll = () => {
    reloadAllocation();
    reloadByPriority();
    reloadScenarios();
  };
  return { round, allocation, ranking, byPriority, scenarios, views, board, reloadAll };
}

export function AllocationPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const { copy, may } = useMayWrite(roundId);
  const canAllocate = (me?.role === 'lead_officer' || me?.role === 'commissioner') && may('allocation:set');
  const data = useAllocationData(roundId, me?.role ?? null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [adoptReason, setAdoptReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (outcome: { message: string | null; error: string | null; changed: boolean }) => {
    setMessage(outcome.message);
    setError(outcome.error);
    if (outcome.changed) data.reloadAll();
  };
  const editor = useAllocationEditor({
    roundId,
    items: data.allocation.state === 'ready' ? data.allocation.value.items : null,
    onSaved: (saved) => done({ message: saved, error: null, changed: saved !== null }),
  });
  const { round, allocation, ranking, byPriority, scenarios } = data;

  return (
    <Page
      title="Allocation"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {allocation.state === 'ready' && <MoneyBar allocation={allocation.value} />}
      {!canAllocate && (
        <p className="hint">
          {copy
            ? 'This copy of the round shows the allocation as your office sent it: it is changed only at the office.'
            : 'Only a lead officer or the commissioner changes the allocation; you can see it and the suggestion.'}
        </p>
      )}

      <h2 className="heading-m">Bids in rank order</h2>
      {(ranking.state === 'loading' || allocation.state === 'loading') && (
        <p aria-live="polite">Loading the bids…</p>
      )}
      {ranking.state === 'failed' && <LoadFailure message={ranking.error.message} />}
      {allocation.state === 'failed' && <LoadFailure message={allocation.error.message} />}
      {data.board.state === 'failed' && <LoadFailure message={data.board.error.message} />}
      {/* Each row shows what the bid is given: the rows wait for the allocation as well as the ranking. */}
      {ranking.state === 'ready' && allocation.state === 'ready' && (
        <AllocationTable
          ranking={ranking.value}
          viewsOf={(ref) => data.views.get(ref)}
          editor={editor}
          canAllocate={canAllocate}
        />
      )}

      <SuggestionSection
        roundId={roundId}
        canAllocate={canAllocate}
        suggestion={suggestion}
        setSuggestion={setSuggestion}
        adoptReason={adoptReason}
        setAdoptReason={setAdoptReason}
        onDone={done}
      />
      <ScenariosSection
        roundId={roundId}
        canAllocate={canAllocate}
        scenarios={scenarios.state === 'ready' ? scenarios.value : null}
        adoptReason={adoptReason}
        setAdoptReason={setAdoptReason}
        onDone={done}
      />
      {byPriority.state === 'ready' && <ByPriority report={byPriority.value} />}
      {allocation.state === 'ready' && <ByPartnership allocation={allocation.value} />}
    </Page>
  );
}
