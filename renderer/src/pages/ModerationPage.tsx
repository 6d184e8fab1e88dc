import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMe } from '../profile-context';
import { useMayWrite } from '../packs/round-copy';
import { DivergentTable } from './moderation/DivergentTable';

/** What a lead officer has typed into a row's form but not yet recorded. */
type Draft = { score: string; reason: string };

function ModerateForm({
  roundId,
  bidRef,
  criterion,
  draft,
  onDraft,
  onDone,
}: {
  roundId: number;
  bidRef: string;
  criterion: string;
  draft: Draft | undefined;
  onDraft: (draft: Draft | undefined) => void;
  onDone: (text: string) => void;
}) {
  // The table draws only the rows in view, so a row's form is unmounted when it scrolls away:
  // what was typed lives in the page (through onDraft) and comes back when the row does.
  const [typed, setTyped] = useState<Draft>(draft ?? { score: '', reason: '' });
  const { score, reason } = typed;
  const update = (change: Partial<Draft>) => {
    setTyped({ ...typed, ...change });
    onDraft({ ...typed, ...change });
  };
  const [error, setError] = useState<string | null>(null);
  const id = `${bidRef}-${criterion}`.replace(/[^A-Za-z0-9-]/g, '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d+$/.test(score)) return setError('Enter the moderated score as a whole number');
    if (!reason.trim()) return setError('Give the reason for the moderated score');
    const result = await api.assessment.moderate({
      roundId,
      bidRef,
      criterion,
      score: Number(score),
      reason,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onDraft(undefined);
    onDone(`${bidRef} ${criterion} moderated to ${score}.`);
  };
  return (
    <form className="moderate-form" noValidate onSubmit={(e) => void submit(e)}>
      {error && <p className="error-message">{error}</p>}
      <div className="form-group form-group--inline">
        <label className="label" htmlFor={`mod-score-${id}`}>
          Moderated score
        </label>
        <input
          id={`mod-score-${id}`}
          className="input input--short"
          inputMode="numeric"
          value={score}
          onChange={(e) => update({ score: e.target.value })}
        />
      </div>
      <div className="form-group form-group--inline moderate-form__reason">
        <label className="label" htmlFor={`mod-reason-${id}`}>
          Reason
        </label>
        <input
          id={`mod-reason-${id}`}
          className="input"
          value={reason}
          onChange={(e) => update({ reason: e.target.value })}
        />
      </div>
      <button type="submit" className="button">
        Record
        <span className="visually-hidden">
          {' '}
          moderated score for {bidRef} {criterion}
        </span>
      </button>
    </form>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function ModerationPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [view, reload] = useResult(
    () => api.assessment.moderation({ roundId }),
    `moderation:${roundId}:${me?.id ?? 0}`,
  );
  const [message, setMessage] = useState<string | null>(null);
  const drafts = useRef(new Map<string, Draft>());
  const { may } = useMayWrite(roundId);
  const lead = me?.role === 'lead_officer' && may('assessment:moderate');
  return (
    <Page
      title="Moderation"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      <ErrorSummary errors={[]} />
      {view.state === 'failed' && <LoadFailure message={view.error.message} />}
      {view.state === 'ready' && (
        <>
          <p className="body">
            Criteria where assessors differ by {view.value.divergence} points or more. A moderated score, with
            its reason, stands in place of the assessors&apos; mean.
          </p>
          <h2 className="heading-m">How each assessor scores</h2>
          <table className="table">
            <caption className="visually-hidden">
              How often each assessor gave each score (weighted criteria)
            </caption>
            <thead>
              <tr>
                <th scope="col">Assessor</th>
                {view.value.distributions[0]?.counts.map((_, i) => (
                  <th scope="col" key={i} className="numeric">
                    {view.value.scaleMin + i}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Mean
                </th>
                <th scope="col" className="bar-cell">
                  Spread of scores <span className="secondary">(red low, blue high)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.value.distributions.map((d) => {
                const total = d.counts.reduce((a, b) => a + b, 0) || 1;
                return (
                  <tr key={d.person}>
                    <th scope="row">{d.person}</th>
                    {d.counts.map((n, i) => (
                      <td key={i} className="numeric">
                        {n}
                      </td>
                    ))}
                    <td className="numeric">{d.mean?.toFixed(2) ?? '—'}</td>
                    <td className="bar-cell" aria-hidden="true">
                      <div className="stacked">
                        {d.counts.map((n, i) => (
                          <span
                            key={i}
                            className={`stacked__part stacked__part--${i}`}
                            style={{ width: `${(n / total) * 100}%` }}
                            title={`${view.value.scaleMin + i}: ${n}`}
                          />
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2 className="heading-m">Divergent scores ({view.value.items.length})</h2>
          {view.value.items.length === 0 && <p className="secondary">No criterion needs moderation.</p>}
          {view.value.items.length > 0 && (
            <DivergentTable
              items={view.value.items}
              form={
                lead
                  ? (item) => (
                      <ModerateForm
                        roundId={roundId}
                        bidRef={item.ref}
                        criterion={item.criterion.split(' ')[0] ?? ''}
                        draft={drafts.current.get(`${item.bidId}-${item.criterionId}`)}
                        onDraft={(draft) => {
                          const key = `${item.bidId}-${item.criterionId}`;
                          if (draft) drafts.current.set(key, draft);
                          else drafts.current.delete(key);
                        }}
                        onDone={(text) => {
                          setMessage(text);
                          reload();
                        }}
                      />
                    )
                  : null
              }
            />
          )}
        </>
      )}
    </Page>
  );
}
