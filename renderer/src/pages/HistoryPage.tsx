import type { HistoryEntry } from '../../../shared/audit';
import { formatDate } from '../../../shared/dates';
import { api } from '../api';
import { LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { SortableTable, type Column } from '../components/SortableTable';
import { useResult } from '../hooks/useResult';

// The round's history from the audit chain: every write that touched the round, who made it and
// when. Lead officers and the commissioner see it; the handler refuses anyone else.

const columns: Column<HistoryEntry>[] = [
  { key: 'seq', label: 'Entry', numeric: true, sortValue: (e) => e.seq, render: (e) => e.seq },
  {
    key: 'at',
    label: 'When',
    sortValue: (e) => e.at,
    render: (e) => <time dateTime={e.at}>{`${formatDate(e.at)} ${e.at.slice(11, 16)}`}</time>,
  },
  {
    key: 'person',
    label: 'Who',
    sortValue: (e) => e.person ?? 'No profile',
    render: (e) => e.person ?? 'No profile',
  },
  {
    key: 'operation',
    label: 'Operation',
    sortValue: (e) => e.operation,
    render: (e) => <code>{e.operation}</code>,
  },
  { key: 'summary', label: 'What changed', render: (e) => e.summary },
];

export function HistoryPage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [history] = useResult(() => api.audit.history({ roundId }), `history:${roundId}`);
  return (
    <Page
      title="History"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      <p className="body">
        Every change to this round, from the audit chain: each entry holds the hash of the one before, so an
        entry changed or removed afterwards is found by <code>tranche verify</code> and at every start.
      </p>
      {history.state === 'failed' && <LoadFailure message={history.error.message} />}
      {history.state === 'ready' &&
        (history.value.length === 0 ? (
          <p className="body">Nothing has been recorded for this round yet.</p>
        ) : (
          <SortableTable
            caption="The round's history, newest first"
            columns={columns}
            rows={history.value}
            rowKey={(e) => e.seq}
            initialSort={{ key: 'seq', direction: 'descending' }}
          />
        ))}
    </Page>
  );
}
