import { useState } from 'react';
import { unfinishedInStage, TASK_STATUS_LABELS } from '../../../shared/progress';
import type { Round } from '../../../shared/rounds';
import { MOVABLE_STAGES, nextStage, STAGE_LABELS, STAGES, type MovableStage } from '../../../shared/stages';
import { api } from '../api';
import { useMe } from '../profile-context';
import { useMayWrite } from '../packs/round-copy';
import { useResult } from '../hooks/useResult';

/**
 * Where the round stands among its stages, and for a lead officer the step forward, confirmed
 * after seeing what is unfinished at this stage, or a step back with a reason before the decision
 * is signed. What may be done in each stage is the rule book's; signing alone moves a round to
 * "Signed".
 */
export function StageBar({ round, onMoved }: { round: Round; onMoved: () => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const next = nextStage(round.stage);
  const { may } = useMayWrite(round.id);
  const lead = me?.role === 'lead_officer' && may('rounds:setStage') && !round.archived;
  const canMove = lead && next !== null;
  const earlier = MOVABLE_STAGES.filter((s) => STAGES.indexOf(s) < STAGES.indexOf(round.stage));
  const canGoBack = lead && round.stage !== 'signed' && earlier.length > 0;
  const move = async (to: MovableStage, reason?: string) => {
    setBusy(true);
    setError(null);
    const result = await api.rounds.setStage({ roundId: round.id, to, reason });
    setBusy(false);
    setConfirming(false);
    if (result.ok) onMoved();
    else setError(result.error.message);
  };
  return (
    <section className="stage-bar" aria-label="Stage of the round">
      <ol className="stage-bar__steps">
        {STAGES.map((stage) => (
          <li
            key={stage}
            className={`stage-bar__step${stage === round.stage ? ' stage-bar__step--current' : ''}`}
            aria-current={stage === round.stage ? 'step' : undefined}
          >
            {STAGE_LABELS[stage]}
          </li>
        ))}
      </ol>
      {canMove && !confirming && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Move to {STAGE_LABELS[next].toLowerCase()}
        </button>
      )}
      {canMove && confirming && round.stage !== 'signed' && (
        <ConfirmMove
          round={round}
          from={round.stage}
          to={next}
          busy={busy}
          onConfirm={() => void move(next)}
          onCancel={() => setConfirming(false)}
        />
      )}
      {canGoBack && !confirming && (
        <StepBack earlier={earlier} busy={busy} onBack={(to, why) => void move(to, why)} />
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const CLOSES: Partial<Record<MovableStage, string>> = {
  open: 'Bids can no longer be recorded or imported once the round moves on.',
  assessment: 'Assessors can no longer change their scores once the round moves on.',
};

/** What is unfinished at this stage (from the round's task list), before the move is confirmed. */
function ConfirmMove(props: {
  round: Round;
  from: MovableStage;
  to: MovableStage;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [progress] = useResult(
    () => api.rounds.progress({ roundId: props.round.id }),
    String(props.round.id),
  );
  const unfinished = progress.state === 'ready' ? unfinishedInStage(props.from, progress.value.tasks) : [];
  return (
    <div className="stage-confirm inset" role="group" aria-labelledby="stage-confirm-title">
      <h2 className="heading-s" id="stage-confirm-title">
        Move &ldquo;{props.round.name}&rdquo; to {STAGE_LABELS[props.to].toLowerCase()}?
      </h2>
      {progress.state === 'loading' && <p className="body">Checking what is unfinished…</p>}
      {progress.state === 'ready' && unfinished.length === 0 && (
        <p className="body">
          Nothing at the {STAGE_LABELS[props.from].toLowerCase()} stage is left unfinished.
        </p>
      )}
      {unfinished.length > 0 && (
        <>
          <p className="body">Still unfinished at the {STAGE_LABELS[props.from].toLowerCase()} stage:</p>
          <ul className="stage-confirm__list">
            {unfinished.map((t) => (
              <li key={t.key}>
                {t.label}: {TASK_STATUS_LABELS[t.status].toLowerCase()}
                {t.count ? ` (${t.count})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {CLOSES[props.from] && <p className="body">{CLOSES[props.from]}</p>}
      <p className="hint">A lead officer can take the round back to an earlier stage, with a reason.</p>
      <div className="button-group">
        <button type="button" className="button" disabled={props.busy} onClick={props.onConfirm}>
          Move to {STAGE_LABELS[props.to].toLowerCase()}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The lead officer's step back to an earlier stage, with the reason the history keeps. */
function StepBack(props: {
  earlier: readonly MovableStage[];
  busy: boolean;
  onBack: (to: MovableStage, reason: string) => void;
}) {
  const [to, setTo] = useState<MovableStage>(props.earlier[props.earlier.length - 1]!);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <details className="details stage-back">
      <summary>Take the round back to an earlier stage</summary>
      <div className="form-group">
        <label className="label" htmlFor="stage-back-to">
          Stage
        </label>
        <select
          id="stage-back-to"
          className="select"
          value={to}
          onChange={(e) => setTo(e.target.value as MovableStage)}
        >
          {props.earlier.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={`form-group${missing ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="stage-back-reason">
          Reason (kept in the round&rsquo;s history)
        </label>
        {missing && (
          <p className="error-message" id="stage-back-reason-error">
            <span className="visually-hidden">Error:</span> Say why the round goes back
          </p>
        )}
        <textarea
          id="stage-back-reason"
          className={`input${missing ? ' input--error' : ''}`}
          rows={2}
          value={reason}
          aria-describedby={missing ? 'stage-back-reason-error' : undefined}
          aria-invalid={missing ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--warning"
        disabled={props.busy}
        onClick={() => {
          if (!reason.trim()) return setMissing(true);
          setMissing(false);
          props.onBack(to, reason.trim());
        }}
      >
        Take the round back to {STAGE_LABELS[to].toLowerCase()}
      </button>
    </details>
  );
}
