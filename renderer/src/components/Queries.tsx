import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/dates';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { LoadFailure } from './Page';

/** Queries on a bid ("costs don't add up"), raised, assigned and resolved with a note. */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function Queries({ roundId, bidId }: { roundId: number; bidId: number }) {
  const [all, reload] = useResult(() => api.queries.list({ roundId }), `queries:${roundId}`);
  const [people] = useResult(() => api.people.list(), 'people');
  const [text, setText] = useState('');
  const [assignTo, setAssignTo] = useState('');
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const raise = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError('Write the query');
    const result = await api.queries.raise({ bidId, text, ...(assignTo ? { assignTo } : {}) });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setText('');
    reload();
  };
  const resolve = async (id: number) => {
    const result = await api.queries.resolve({ id, resolution: notes[id] ?? '' });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    reload();
  };
  const mine = all.state === 'ready' ? all.value.filter((q) => q.bidId === bidId) : [];
  return (
    <section aria-labelledby="queries-title">
      <h2 id="queries-title" className="heading-m">
        Queries
      </h2>
      {error && <LoadFailure message={error} />}
      {mine.length === 0 && <p className="secondary">No queries raised.</p>}
      <ul className="query-list">
        {mine.map((q) => (
          <li key={q.id}>
            <strong className={`tag ${q.resolvedAt ? 'tag--green' : 'tag--yellow'}`}>
              {q.resolvedAt ? 'Resolved' : 'Open'}
            </strong>{' '}
            {q.text}
            <div className="hint">
              Raised by {q.raisedBy ?? 'unknown'} on {formatDate(q.raisedAt)}
              {q.assignedTo ? `, for ${q.assignedTo}` : ''}
              {q.resolvedAt
                ? `. Resolved by ${q.resolvedBy ?? 'unknown'} on ${formatDate(q.resolvedAt)}: ${q.resolution}`
                : ''}
            </div>
            {!q.resolvedAt && (
              <div className="moderate-form">
                <div className="form-group form-group--inline moderate-form__reason">
                  <label className="label label--small" htmlFor={`resolve-${q.id}`}>
                    Resolution note
                  </label>
                  <input
                    id={`resolve-${q.id}`}
                    className="input"
                    value={notes[q.id] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [q.id]: e.target.value }))}
                  />
                </div>
                <button type="button" className="button button--secondary" onClick={() => void resolve(q.id)}>
                  Resolve<span className="visually-hidden"> query: {q.text}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form className="form" noValidate onSubmit={(e) => void raise(e)}>
        <div className="form-group">
          <label className="label" htmlFor="query-text">
            Raise a query
          </label>
          <div className="hint">
            For example, &ldquo;Costs don&apos;t add up&rdquo; or &ldquo;Eligibility unclear&rdquo;. Open
            queries are shown to the panel.
          </div>
          <input id="query-text" className="input" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="form-group">
          <label className="label" htmlFor="query-assign">
            For (optional)
          </label>
          <select
            id="query-assign"
            className="select"
            value={assignTo}
            onChange={(e) => setAssignTo(e.target.value)}
          >
            <option value="">Nobody in particular</option>
            {people.state === 'ready' &&
              people.value.map((p) => (
                <option key={p.id} value={p.name}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Raise query
        </button>
      </form>
    </section>
  );
}
