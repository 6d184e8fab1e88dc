import { useState } from 'react';
import { BOARD_VIEW_LABELS, BOARD_VIEWS } from '../../../shared/assessment';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { FilterText } from '../components/ListFilters';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { PacksPanel } from '../packs/PacksPanel';
import { useMayWrite } from '../packs/round-copy';
import { BoardBidsTable } from './board/BoardBidsTable';
import { ShortlistTable } from './board/ShortlistTable';

type View = (typeof BOARD_VIEWS)[number];

/** The shortlist: drawn from the ranking by a rule, with every exception recorded with a reason. */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function Shortlist({
  roundId,
  lead,
  text,
  onChange,
}: {
  roundId: number;
  lead: boolean;
  text: string;
  onChange: () => void;
}) {
  const [shortlist, reload] = useResult(() => api.shortlist.get({ roundId }), `shortlist:${roundId}`);
  const [topN, setTopN] = useState('5');
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setError(null);
    reload();
    onChange();
  };
  const setRule = async (rule: 'threshold' | 'top' | 'manual') => {
    const result = await api.shortlist.setRule({
      roundId,
      rule,
      ...(rule === 'top' ? { topN: Number(topN) || 1 } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    done();
  };
  const toggle = async (ref: string, included: boolean, reason: string) => {
    const result = await api.shortlist.override({ roundId, bidRef: ref, included, reason });
    if (!result.ok) return setError(result.error.message);
    done();
  };
  if (shortlist.state === 'failed') return <LoadFailure message={shortlist.error.message} />;
  if (shortlist.state !== 'ready') return <p aria-live="polite">Loading the shortlist…</p>;
  const s = shortlist.value;
  return (
    <section aria-labelledby="shortlist-title">
      <h2 id="shortlist-title" className="heading-m">
        Shortlist
      </h2>
      <p className="hint">
        Drawn from the ranking:{' '}
        {s.rule === 'threshold'
          ? 'every bid above the threshold that passed its gateways and minimums'
          : s.rule === 'top'
            ? `the top ${s.topN} eligible bids`
            : 'picked by hand'}
        . Any bid added or left out against that rule needs a reason, which is kept.
      </p>
      {error && <LoadFailure message={error} />}
      {lead && (
        <div className="filters">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void setRule('threshold')}
          >
            Above the threshold
          </button>
          <div className="form-group form-group--inline">
            <label className="label" htmlFor="top-n">
              Top
            </label>
            <input
              id="top-n"
              className="input input--short"
              inputMode="numeric"
              value={topN}
              onChange={(e) => setTopN(e.target.value)}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => void setRule('top')}>
            Shortlist the top {topN || 'N'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void setRule('manual')}>
            Pick by hand
          </button>
        </div>
      )}
      <ShortlistTable
        items={s.items}
        text={text}
        lead={lead}
        onToggle={(ref, included, reason) => void toggle(ref, included, reason)}
      />
    </section>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function BoardPage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [pack, reload] = useResult(() => api.board.pack({ roundId }), `board:${roundId}`);
  const [meeting, setMeeting] = useState<number | null>(null);
  const [draft, setDraft] = useState<Record<string, { view: View | ''; comment: string }>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const { may } = useMayWrite(roundId);
  const canRecord = may('board:recordView');
  const [people] = useResult(
    async () => (may('packs:make') ? api.people.list() : { ok: true as const, value: [] }),
    `board-people:${String(may('packs:make'))}`,
  );

  const record = async (ref: string) => {
    const d = draft[ref];
    if (!d?.view) return setError(`Choose the board's view of ${ref}`);
    const result = await api.board.recordView({
      roundId,
      bidRef: ref,
      view: d.view,
      comment: d.comment,
      meetingOn: new Date().toISOString().slice(0, 10),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(`View on ${ref} recorded.`);
    reload();
  };

  const items = pack.state === 'ready' ? pack.value : [];
  const current = meeting === null ? null : items[meeting];
  // Moving to another bid (or out of meeting mode) clears the last bid's confirmation or error, so
  // "View on SS2 recorded" is never shown above SS3.
  const goTo = (next: number | null) => {
    setMeeting(next === null ? null : Math.max(0, Math.min(items.length - 1, next)));
    setMessage(null);
    setError(null);
  };

  const viewForm = (ref: string, large = false) => (
    <div className={large ? 'meeting__form' : 'moderate-form'}>
      <fieldset className="fieldset">
        <legend className="label">Board&apos;s view of {ref}</legend>
        <div className="scale">
          {BOARD_VIEWS.map((v) => (
            <div className="scale__point" key={v}>
              <input
                type="radio"
                id={`view-${ref}-${v}`}
                name={`view-${ref}`}
                checked={draft[ref]?.view === v}
                onChange={() =>
                  setDraft((d) => ({ ...d, [ref]: { view: v, comment: d[ref]?.comment ?? '' } }))
                }
              />
              <label htmlFor={`view-${ref}-${v}`}>{BOARD_VIEW_LABELS[v]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="form-group moderate-form__reason">
        <label className="label label--small" htmlFor={`comment-${ref}`}>
          Comments
        </label>
        <textarea
          id={`comment-${ref}`}
          className="input"
          rows={large ? 3 : 2}
          value={draft[ref]?.comment ?? ''}
          onChange={(e) =>
            setDraft((d) => ({ ...d, [ref]: { view: d[ref]?.view ?? '', comment: e.target.value } }))
          }
        />
      </div>
      <button type="button" className="button" onClick={() => void record(ref)}>
        Record view<span className="visually-hidden"> of {ref}</span>
      </button>
    </div>
  );

  if (current) {
    return (
      <div className="meeting" role="region" aria-label="Meeting mode">
        <p className="meeting__progress">
          Bid {(meeting ?? 0) + 1} of {items.length} · {round.state === 'ready' ? round.value.name : ''}
        </p>
        <h1 className="meeting__title" tabIndex={-1}>
          {current.ref}: {current.title}
        </h1>
        <p className="meeting__meta">
          {current.partnership} · ranked {current.rank} · score {current.weightedScore?.toFixed(2) ?? '—'} ·
          requested {formatMoney(current.requestedPence)}
          {current.reducedPence !== null && ` (could be reduced to ${formatMoney(current.reducedPence)})`}
          {current.recommendedPence !== null &&
            ` · officers propose ${formatMoney(current.recommendedPence)}`}
        </p>
        {current.departureReason && (
          <p className="meeting__check">Away from the ranking, because: {current.departureReason}</p>
        )}
        {current.summary && <p className="meeting__summary">{current.summary}</p>}
        {[...current.checks, ...current.openQueries].map((c) => (
          <p key={c} className="meeting__check">
            {c}
          </p>
        ))}
        {current.views.length > 0 && (
          <ul className="meeting__views">
            {current.views.map((v) => (
              <li key={v.person}>
                {v.person}: <strong>{BOARD_VIEW_LABELS[v.view]}</strong> {v.comment}
              </li>
            ))}
          </ul>
        )}
        {message && <Banner kind="success">{message}</Banner>}
        {error && <LoadFailure message={error} />}
        {canRecord && viewForm(current.ref, true)}
        <div className="button-group">
          <button
            type="button"
            className="button button--secondary"
            disabled={meeting === 0}
            onClick={() => goTo((meeting ?? 0) - 1)}
          >
            Previous bid
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={meeting === items.length - 1}
            onClick={() => goTo((meeting ?? 0) + 1)}
          >
            Next bid
          </button>
          <button type="button" className="button button--secondary" onClick={() => goTo(null)}>
            Leave meeting mode
          </button>
        </div>
      </div>
    );
  }

  return (
    <Page
      title="Board review"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      <div className="filters" role="search" aria-label="Filter the bids on this page">
        <FilterText id="board-filter-text" value={text} onChange={setText} />
      </div>
      <Shortlist roundId={roundId} lead={may('shortlist:setRule')} text={text} onChange={reload} />
      {may('packs:make') && (
        <PacksPanel
          roundId={roundId}
          intro={
            'A board member who reads on their own laptop gets a pack of the shortlist, the ranking, the ' +
            'business cases and the scenarios, records views there and sends back a return pack.'
          }
          send={{
            kind: 'board',
            people:
              people.state === 'ready'
                ? people.value.filter((p) => p.role === 'board_member').map((p) => p.name)
                : [],
            personLabel: 'Board member',
            buttonLabel: 'Send to board member',
            nobody: 'Nobody in this office is a board member yet: add them on the profile page.',
          }}
          receiveLabel="Receive a pack"
          onReceived={reload}
        />
      )}
      <h2 className="heading-m">Shortlisted bids for the board</h2>
      {items.length > 0 && (
        <button type="button" className="button" onClick={() => goTo(0)}>
          Start meeting mode
        </button>
      )}
      {pack.state === 'failed' && <LoadFailure message={pack.error.message} />}
      {pack.state === 'loading' && <p aria-live="polite">Loading the board&apos;s bids…</p>}
      {pack.state === 'ready' && (
        <BoardBidsTable
          roundId={roundId}
          items={items}
          text={text}
          viewForm={canRecord ? (ref) => viewForm(ref) : null}
        />
      )}
    </Page>
  );
}
