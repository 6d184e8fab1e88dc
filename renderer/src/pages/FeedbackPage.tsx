import { useState } from 'react';
import type { FeedbackSummary } from '../../../shared/feedback';
import { whyNotNow } from '../../../shared/may-act';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';

/** Whether a summary is approved, as a tag beside its box. */
function Status({ summary }: { summary: FeedbackSummary | undefined }) {
  if (!summary) return <span className="hint">Not written: the letter gives the score alone.</span>;
  return summary.approved ? (
    <strong className="tag tag--green">Approved by {summary.approvedBy}</strong>
  ) : (
    <strong className="tag tag--yellow">
      Awaiting a lead officer ({summary.writtenBy ?? 'an officer'} wrote it)
    </strong>
  );
}

/**
 * The feedback a round's letters give, per bid and criterion, in the office's words. Officers write
 * it; a lead officer approves it (their own words are approved as written); letters print approved
 * words only, after the criterion's score as it counted.
 */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function FeedbackPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [bids] = useResult(() => api.bids.list({ roundId }), `bids:${roundId}`);
  const [framework] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  const [list, reload] = useResult(() => api.feedback.list({ roundId }), `feedback:${roundId}`);
  const { may } = useMayWrite(roundId);
  const [ref, setRef] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const notNow = round.state === 'ready' ? whyNotNow('feedback:set', round.value.stage) : null;
  const canWrite = may('feedback:set') && !notNow;
  const canApprove = me?.role === 'lead_officer' && may('feedback:approve') && !notNow;
  const criteria =
    framework.state === 'ready' ? (framework.value?.criteria ?? []).filter((c) => !c.gateway) : [];
  const summaries = list.state === 'ready' ? list.value.filter((f) => f.ref === ref) : [];
  const awaiting = summaries.filter((f) => !f.approved).length;

  const save = async (code: string) => {
    const text = drafts[code] ?? summaries.find((f) => f.criterion === code)?.text ?? '';
    const result = await api.feedback.set({ roundId, bidRef: ref, criterion: code, text });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== code)));
    const saved = result.value.find((f) => f.ref === ref && f.criterion === code);
    setMessage(
      !saved
        ? `Removed the feedback on ${ref} ${code}.`
        : saved.approved
          ? `Saved and approved: ${ref} ${code}. Its letter prints it.`
          : `Saved: ${ref} ${code} waits for a lead officer's approval before its letter prints it.`,
    );
    reload();
  };
  const approve = async () => {
    const result = await api.feedback.approve({ roundId, bidRef: ref });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(
      `Approved ${awaiting} ${awaiting === 1 ? 'summary' : 'summaries'} on ${ref}: its letter prints them.`,
    );
    reload();
  };

  return (
    <Page
      title="Feedback for letters"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      <p className="body">
        Each letter gives a criterion&apos;s score as it counted and, once a lead officer approves it, a
        summary in the office&apos;s words. Never an assessor&apos;s name or their own words.
      </p>
      {notNow && <p className="body">{notNow}</p>}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {list.state === 'failed' && <LoadFailure message={list.error.message} />}
      <div className="form-group">
        <label className="label" htmlFor="feedback-bid">
          Bid
        </label>
        <select
          id="feedback-bid"
          className="select"
          value={ref}
          onChange={(e) => {
            setRef(e.target.value);
            setDrafts({});
            setMessage(null);
          }}
        >
          <option value="">Choose a bid</option>
          {bids.state === 'ready' &&
            bids.value.map((b) => {
              const written = list.state === 'ready' ? list.value.filter((f) => f.ref === b.ref) : [];
              const waiting = written.filter((f) => !f.approved).length;
              return (
                <option key={b.id} value={b.ref}>
                  {b.ref}: {b.title}
                  {waiting > 0 ? ` (${waiting} awaiting approval)` : written.length > 0 ? ' (approved)' : ''}
                </option>
              );
            })}
        </select>
      </div>
      {ref &&
        criteria.map((c) => {
          const summary = summaries.find((f) => f.criterion === c.code);
          const id = `feedback-${c.code}`;
          return (
            <div className="form-group feedback-criterion" key={c.code}>
              <label className="label" htmlFor={id}>
                {c.code} {c.name}
              </label>
              <div className="hint" id={`${id}-status`}>
                <Status summary={summary} />
              </div>
              <textarea
                id={id}
                className="input notice-words__text"
                rows={3}
                readOnly={!canWrite}
                aria-describedby={`${id}-status`}
                value={drafts[c.code] ?? summary?.text ?? ''}
                onChange={(e) => setDrafts((d) => ({ ...d, [c.code]: e.target.value }))}
              />
              {canWrite && (
                <div>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => void save(c.code)}
                  >
                    Save<span className="visually-hidden"> feedback on {c.code}</span>
                  </button>
                </div>
              )}
            </div>
          );
        })}
      {ref && canApprove && awaiting > 0 && (
        <button type="button" className="button" onClick={() => void approve()}>
          Approve {ref}&apos;s feedback
        </button>
      )}
    </Page>
  );
}
