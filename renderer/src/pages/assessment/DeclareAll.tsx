import { useState } from 'react';
import { api } from '../../api';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { declaredMessage, natureFieldId, validateDeclarations } from '../../forms/declarations-form';

/**
 * One form for an assessor's declarations of interest in every bid still waiting for one: tick the
 * bids with a conflict and say what it is; the rest are declared without one, all in one write.
 */
export function DeclareAll(props: {
  roundId: number;
  bids: readonly { ref: string; title: string; partnership: string }[];
  onDone: (message: string) => void;
}) {
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const refs = props.bids.map((b) => b.ref);
  const tick = (ref: string, on: boolean) =>
    setConflicts((c) =>
      on ? { ...c, [ref]: c[ref] ?? '' } : Object.fromEntries(Object.entries(c).filter(([k]) => k !== ref)),
    );
  const record = async () => {
    const checked = validateDeclarations(props.roundId, { refs, conflicts });
    if ('errors' in checked) return setErrors(checked.errors);
    const result = await api.assessment.declare(checked.input);
    if (!result.ok) return setErrors([{ message: result.error.message }]);
    setErrors([]);
    setConflicts({});
    props.onDone(declaredMessage({ refs, conflicts }));
  };
  return (
    <section className="declare-all" aria-labelledby="declare-all-title">
      <h3 className="heading-s" id="declare-all-title">
        Declare your interests in {refs.length === 1 ? 'your bid' : `all ${refs.length} of your bids`}
      </h3>
      <ErrorSummary errors={errors} />
      <p className="hint">
        Tick each bid in which you have a conflict of interest and say what it is. Every bid you do not tick
        is declared as no conflict. You do not score a bid in which you declare a conflict.
      </p>
      <fieldset className="fieldset">
        <legend className="visually-hidden">Bids in which you have a conflict of interest</legend>
        {props.bids.map((b) => (
          <div key={b.ref} className="declare-all__bid">
            <div className="checkbox">
              <input
                id={`conflict-${b.ref}`}
                type="checkbox"
                checked={b.ref in conflicts}
                onChange={(e) => tick(b.ref, e.target.checked)}
              />
              <label htmlFor={`conflict-${b.ref}`}>
                I have a conflict of interest in <strong>{b.ref}</strong> {b.title}
                <span className="secondary"> ({b.partnership})</span>
              </label>
            </div>
            {b.ref in conflicts && (
              <div className="form-group declare-all__nature">
                <label className="label label--small" htmlFor={natureFieldId(b.ref)}>
                  What is the conflict in {b.ref}?
                </label>
                {errors.some((e) => e.fieldId === natureFieldId(b.ref)) && (
                  <p className="error-message">Say what the conflict of interest in {b.ref} is</p>
                )}
                <textarea
                  id={natureFieldId(b.ref)}
                  className="input"
                  rows={2}
                  value={conflicts[b.ref] ?? ''}
                  onChange={(e) => setConflicts((c) => ({ ...c, [b.ref]: e.target.value }))}
                />
              </div>
            )}
          </div>
        ))}
      </fieldset>
      <button type="button" className="button" onClick={() => void record()}>
        Record my declarations
      </button>
    </section>
  );
}
