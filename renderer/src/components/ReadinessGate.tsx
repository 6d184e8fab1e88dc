import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { roundPagePath, type Readiness, type ReadinessItem } from '../../../shared/readiness';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { ErrorSummary } from './ErrorSummary';
import { LoadFailure } from './Page';
import { missingReason, placeRefusal, type PlacedRefusal } from './readiness-outcome';

const LEVEL: Record<ReadinessItem['level'], { tag: string; words: string }> = {
  blocking: { tag: 'tag--red', words: 'Cannot go ahead' },
  warning: { tag: 'tag--yellow', words: 'Needs a reason' },
  noted: { tag: 'tag--grey', words: 'Noted' },
};

const REASON_ID = 'readiness-reason';

/**
 * The readiness list before "Send for sign-off" and "Sign": what blocks (put right first, with a
 * link to where), the warnings that need a recorded reason to go ahead, and what is noted. The list
 * is the handlers' own (notices:readiness), so the page never lets through what they would refuse.
 */
export function ReadinessGate({
  roundId,
  refreshKey,
  doing,
  button,
  go,
  children,
}: {
  roundId: number;
  refreshKey: string;
  /** "send the notice for sign-off", "sign the decision" */
  doing: string;
  button: string;
  go: (readinessReason: string | undefined) => Promise<{ ok: true } | { ok: false; error: AppError }>;
  /** Fields of the action itself (the commissioner's interests), shown before the reason. */
  children?: ReactNode;
}) {
  const [readiness, reload] = useResult(
    () => api.notices.readiness({ roundId }),
    `readiness:${roundId}:${refreshKey}`,
  );
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<PlacedRefusal>({ fieldError: null, error: null });
  const [busy, setBusy] = useState(false);
  if (readiness.state === 'loading') return <p aria-live="polite">Checking the decision…</p>;
  if (readiness.state === 'failed') return <LoadFailure message={readiness.error.message} />;

  const submit = async () => {
    const missing = missingReason(readiness.value.warnings, reason, doing);
    if (missing) return setRefusal({ fieldError: missing, error: null });
    setBusy(true);
    const result = await go(reason.trim() || undefined);
    setBusy(false);
    if (result.ok) return;
    setRefusal(placeRefusal(result.error));
    reload();
  };
  return (
    <ReadinessChecks
      {...{ roundId, doing, button, busy, reason, setReason, children, ...refusal }}
      readiness={readiness.value}
      onSubmit={() => void submit()}
    />
  );
}

/** The readiness list and the way forward it leaves, for a list already checked (ReadinessGate). */
export function ReadinessChecks(props: {
  roundId: number;
  doing: string;
  button: string;
  readiness: Readiness;
  reason: string;
  setReason: (reason: string) => void;
  fieldError: string | null;
  error: string | null;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { roundId, doing, fieldError, error } = props;
  const { items, blocking, warnings } = props.readiness;
  return (
    <section className="readiness" aria-labelledby="readiness-title">
      <h3 id="readiness-title" className="heading-s">
        Before you {doing}
      </h3>
      <ErrorSummary errors={fieldError ? [{ fieldId: REASON_ID, message: fieldError }] : []} />
      {items.length === 0 ? (
        <p className="body">Nothing stands in the way: every check is met.</p>
      ) : (
        <ul className="readiness__list">
          {items.map((item) => (
            <li key={`${item.level}:${item.message}`} className="readiness__item">
              <strong className={`tag ${LEVEL[item.level].tag}`}>{LEVEL[item.level].words}</strong>
              <span>{item.message}. </span>
              <Link href={roundPagePath(roundId, item.page)}>{item.fix}</Link>
            </li>
          ))}
        </ul>
      )}
      {blocking > 0 ? (
        <p className="body">
          <strong>
            {blocking === 1 ? 'This makes' : 'These make'} the decision unsound: put{' '}
            {blocking === 1 ? 'it' : 'them'} right before you {doing}.
          </strong>
        </p>
      ) : (
        <>
          {props.children}
          {warnings > 0 && (
            <div className={`form-group${fieldError ? ' form-group--error' : ''}`}>
              <label className="label" htmlFor={REASON_ID}>
                Why the decision can go ahead as it stands
              </label>
              <div id={`${REASON_ID}-hint`} className="hint">
                Recorded with the notice and in the round&apos;s history.
              </div>
              {fieldError && (
                <p id={`${REASON_ID}-error`} className="error-message">
                  <span className="visually-hidden">Error:</span> {fieldError}
                </p>
              )}
              <textarea
                id={REASON_ID}
                className={`input${fieldError ? ' input--error' : ''}`}
                rows={3}
                value={props.reason}
                aria-describedby={`${REASON_ID}-hint${fieldError ? ` ${REASON_ID}-error` : ''}`}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => props.setReason(e.target.value)}
              />
            </div>
          )}
          {error && <LoadFailure message={error} />}
          <button type="button" className="button" disabled={props.busy} onClick={props.onSubmit}>
            {props.button}
          </button>
        </>
      )}
    </section>
  );
}
