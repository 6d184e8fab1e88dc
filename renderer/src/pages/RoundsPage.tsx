import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { DEMO_PASSPHRASE } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { SortableTable, type Column } from '../components/SortableTable';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';
import { useMayWriteOn } from '../packs/round-copy';
import { useProfile } from '../profile-context';
import { filterWords, matchesWords } from '../lists/words-match';
import { useRounds } from '../rounds-context';

/**
 * A new installation starts one of two ways: an office sets itself up here, or an assessor, board
 * member or commissioner opens the pack their office sent them (which sets them up from it).
 */
function FirstRun() {
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title" className="heading-m">
        This Tranche is new: how do you start?
      </h2>
      <div className="first-run__choices">
        <div className="first-run__choice">
          <h3 className="heading-s">Open a pack from your office</h3>
          <p className="body">
            Your office sent you a .tranche file and gave you an enrolment code: open it to score, read or
            sign on this laptop.
          </p>
          <Link href="/open-pack" className="button">
            Open a pack from your office
          </Link>
        </div>
        <div className="first-run__choice">
          <h3 className="heading-s">Set up an office</h3>
          <p className="body">
            You run funding rounds: create the office&apos;s first person, a lead officer, then your rounds.
          </p>
          <Link href="/profile" className="button button--secondary">
            Set up an office
          </Link>
        </div>
      </div>
    </section>
  );
}

/** Edit, where this person may change the round: not on a copy received in a pack. */
function EditRoundLink({ round }: { round: Round }) {
  const may = useMayWriteOn(round.isCopy);
  if (!may('rounds:update')) return null;
  return (
    <Link href={`/rounds/${round.id}/edit`}>
      Edit<span className="visually-hidden"> {round.name}</span>
    </Link>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function RoundsPage() {
  const flash = useFlash();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(flash);
  const [actionError, setActionError] = useState<string | null>(null);
  const [rounds, reload] = useResult(() => api.rounds.list({ includeArchived }), `rounds:${includeArchived}`);
  const switcher = useRounds();
  const { session, reload: reloadProfile } = useProfile();
  const firstRun = session.state === 'ready' && session.value.setup === 'empty';

  const changeArchived = async (round: Round, archive: boolean) => {
    const result = archive
      ? await api.rounds.archive({ id: round.id })
      : await api.rounds.restore({ id: round.id });
    if (!result.ok) {
      setActionError(result.error.message);
      return;
    }
    setActionError(null);
    setMessage(
      archive
        ? `Round "${round.name}" archived. Nothing was deleted: tick "Show archived rounds" to see or restore it.`
        : `Round "${round.name}" restored.`,
    );
    reload();
    switcher.reload();
  };

  const loadDemo = async () => {
    const result = await api.demo.load();
    if (!result.ok) return setActionError(result.error.message);
    setMessage(
      `${result.value.notice} Loaded: ` +
        `${result.value.rounds.map((r) => `${r.fund} — ${r.name}`).join('; ')}. Every demonstration ` +
        `person's passphrase is "${DEMO_PASSPHRASE}".`,
    );
    reload();
    switcher.reload();
    // The demonstration's people are now set up: the banner must stop saying nobody is.
    reloadProfile();
  };

  const visible = useMemo(() => {
    if (rounds.state !== 'ready') return [];
    const words = filterWords(filter);
    return rounds.value.filter((r) => matchesWords(`${r.fund} ${r.name}`, words));
  }, [rounds, filter]);

  const columns: Column<Round>[] = [
    { key: 'fund', label: 'Fund', sortValue: (r) => r.fund, render: (r) => r.fund },
    {
      key: 'name',
      label: 'Round',
      sortValue: (r) => r.name,
      render: (r) => (
        <>
          <Link href={`/rounds/${r.id}`}>{r.name}</Link>
          {r.archived && <strong className="tag tag--grey">Archived</strong>}
          {r.demoNotice && <strong className="tag tag--purple">Demonstration</strong>}
        </>
      ),
    },
    {
      key: 'budget',
      label: 'Budget',
      numeric: true,
      sortValue: (r) => r.budgetPence,
      render: (r) => formatMoney(r.budgetPence),
    },
    {
      key: 'committed',
      label: 'Committed',
      numeric: true,
      sortValue: (r) => r.committedPence,
      render: (r) => formatMoney(r.committedPence),
    },
    {
      key: 'available',
      label: 'Available',
      numeric: true,
      sortValue: (r) => r.availablePence,
      render: (r) => formatMoney(r.availablePence),
    },
    { key: 'bids', label: 'Bids', numeric: true, sortValue: (r) => r.bidCount, render: (r) => r.bidCount },
    {
      key: 'requested',
      label: 'Requested',
      numeric: true,
      sortValue: (r) => r.requestedPence,
      render: (r) => formatMoney(r.requestedPence),
    },
    {
      key: 'created',
      label: 'Created',
      sortValue: (r) => r.createdAt,
      render: (r) => formatDate(r.createdAt),
    },
    {
      key: 'actions',
      label: 'Actions',
      render: (r) => (
        <span className="actions">
          {!r.archived && <EditRoundLink round={r} />}
          <button type="button" className="link-button" onClick={() => void changeArchived(r, !r.archived)}>
            {r.archived ? 'Restore' : 'Archive'}
            <span className="visually-hidden"> {r.name}</span>
          </button>
        </span>
      ),
    },
  ];

  return (
    <Page
      title="Funding rounds"
      actions={
        <>
          <Link href="/open-pack" className="button button--secondary">
            Open a pack
          </Link>
          <Link href="/rounds/new" className="button">
            Create a round
          </Link>
        </>
      }
    >
      {firstRun && <FirstRun />}
      {message && <Banner kind="success">{message}</Banner>}
      {actionError && <LoadFailure message={actionError} />}
      <div className="filters" role="search" aria-label="Filter rounds">
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="rounds-filter">
            Filter by fund or round name
          </label>
          <input
            id="rounds-filter"
            className="input input--medium"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id="show-archived"
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.target.checked)}
          />
          <label htmlFor="show-archived">Show archived rounds</label>
        </div>
      </div>
      {rounds.state === 'loading' && <p aria-live="polite">Loading rounds…</p>}
      {rounds.state === 'failed' && <LoadFailure message={rounds.error.message} />}
      {/* Shown with the first-run choice, not before it: nothing moves under the user's pointer. */}
      {rounds.state === 'ready' && rounds.value.length === 0 && session.state !== 'loading' && (
        <div className="body">
          <p>No rounds yet. Create the first round to start recording bids against its budget.</p>
          <p>
            Or look around first with demonstration data: the 2013-14 Invest to Save round and Safer Streets
            round 4, built from public West Midlands board papers and labelled as a demonstration wherever it
            appears. It goes only into an empty database of its own, never beside live rounds. Its six people
            (lead officer Dan Hughes, commissioner Pat Morgan and others) all have the demonstration
            passphrase <code>{DEMO_PASSPHRASE}</code>: choose one on <Link href="/profile">Your profile</Link>
            .
          </p>
          <button type="button" className="button button--secondary" onClick={() => void loadDemo()}>
            Load the demonstration data
          </button>
        </div>
      )}
      {rounds.state === 'ready' && rounds.value.length > 0 && (
        <SortableTable
          caption={
            `${visible.length} of ${rounds.value.length} ` +
            `${rounds.value.length === 1 ? 'round' : 'rounds'}` +
            `${includeArchived ? ', archived included' : ''}`
          }
          columns={columns}
          rows={visible}
          rowKey={(r) => r.id}
        />
      )}
    </Page>
  );
}
