import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Framework } from '../../../shared/frameworks';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { RoundNav } from '../components/RoundNav';
import { TextField } from '../components/TextField';
import {
  frameworkToForm,
  validateFrameworkForm,
  weightTotal,
  type CriterionRow,
  type FrameworkFormValues,
} from '../forms/framework-form';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';
import { useRounds } from '../rounds-context';
import { whyNotAllowed } from '../../../shared/may-act';
import { FrameworkSummary } from '../components/FrameworkSummary';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';

const fid = (key: string) => `framework-${key.replace(/\./g, '-')}`;

/**
 * Why the person at this computer may not edit this round's framework now (the rule book's roles
 * and stages, and a round copy from the office), or null when they may.
 */
function useWhyNotEdit(roundId: number): string | null {
  const me = useMe();
  const { copy, may } = useMayWrite(roundId);
  const { rounds } = useRounds();
  const stage = rounds.state === 'ready' ? rounds.value.find((r) => r.id === roundId)?.stage : undefined;
  if (copy) return "This copy of the round uses the office's framework: it is changed only at the office.";
  const why = whyNotAllowed('frameworks:update', me?.role ?? null, stage ?? null);
  if (why) return why;
  return may('frameworks:update') ? null : 'Only a lead officer can edit a scoring framework.';
}

export function FrameworkPage({ roundId }: { roundId: number }) {
  const [framework, reload] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  // The page opens on the framework as it stands; editing is a choice, offered only to those who may.
  const [editing, setEditing] = useState(false);
  const whyNot = useWhyNotEdit(roundId);
  const flash = useFlash();
  const [saved, setSaved] = useState<string | null>(null);
  const message = saved ?? flash;
  if (framework.state === 'loading') return <p aria-live="polite">Loading the framework…</p>;
  if (framework.state === 'failed') return <LoadFailure message={framework.error.message} />;
  if (!framework.value) {
    return (
      <Page title="Scoring framework">
        <RoundNav roundId={roundId} />
        <p>
          This round has no framework yet.{' '}
          <Link href={`/rounds/${roundId}/assessment`}>Start from a template</Link>, or copy another
          round&apos;s below.
        </p>
        <CopyFramework roundId={roundId} onCopied={reload} scoringStarted={false} />
      </Page>
    );
  }
  if (!editing || whyNot)
    return (
      <Page title="Scoring framework">
        <RoundNav roundId={roundId} />
        {message && <Banner kind="success">{message}</Banner>}
        <FrameworkSummary framework={framework.value} />
        {whyNot ? (
          <p className="body">{whyNot}</p>
        ) : (
          <div className="button-group">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Edit the framework
            </button>
          </div>
        )}
      </Page>
    );
  return (
    <FrameworkEditor
      key={JSON.stringify(framework.value.criteria)}
      roundId={roundId}
      framework={framework.value}
      onSaved={(done) => {
        setSaved(done);
        setEditing(false);
        reload();
      }}
      onCancel={() => setEditing(false)}
    />
  );
}

function CopyFramework({
  roundId,
  onCopied,
  scoringStarted,
}: {
  roundId: number;
  onCopied: () => void;
  scoringStarted: boolean;
}) {
  const { rounds } = useRounds();
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    if (!from) return setError('Choose the round to copy from');
    if (
      scoringStarted &&
      !window.confirm(
        'Scoring has started. Replace this round’s framework with the copy? The change will be recorded.',
      )
    )
      return;
    const result = await api.frameworks.use({
      roundId,
      copyFromRoundId: Number(from),
      confirmChangeAfterScoring: scoringStarted,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onCopied();
  };
  return (
    <div className="filters">
      {error && <p className="error-message">{error}</p>}
      <div className="form-group form-group--inline">
        <label className="label" htmlFor="copy-from">
          Copy the framework of another round
        </label>
        <select id="copy-from" className="select" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">Choose a round</option>
          {rounds.state === 'ready' &&
            rounds.value
              .filter((r) => r.id !== roundId)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.fund} — {r.name}
                </option>
              ))}
        </select>
      </div>
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        Copy framework
      </button>
    </div>
  );
}

// long-function: a form's fields, errors and submit read together; its validation is a tested function in forms/
function FrameworkEditor({
  roundId,
  framework,
  onSaved,
  onCancel,
}: {
  roundId: number;
  framework: Framework;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<FrameworkFormValues>(() => frameworkToForm(framework));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);
  const total = weightTotal(values);
  const summary: SummaryError[] = useMemo(
    () => Object.entries(errors).map(([key, message]) => ({ fieldId: fid(key), message })),
    [errors],
  );
  const setCriterion = (i: number, part: keyof CriterionRow) => (value: string | boolean) =>
    setValues((v) => ({ ...v, criteria: v.criteria.map((c, j) => (j === i ? { ...c, [part]: value } : c)) }));
  const setScale = (part: 'scaleMin' | 'scaleMax') => (value: string) =>
    setValues((v) => {
      const next = { ...v, [part]: value };
      const span = Number(next.scaleMax) - Number(next.scaleMin) + 1;
      const descriptors =
        Number.isInteger(span) && span > 0 && span <= 11
          ? Array.from({ length: span }, (_, i) => v.descriptors[i] ?? '')
          : v.descriptors;
      return { ...next, descriptors };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = validateFrameworkForm(roundId, values, confirm);
    setErrors(found);
    if (!input) return;
    const result = await api.frameworks.update(input);
    if (!result.ok) {
      setErrors({
        [result.error.issues?.[0]?.path ? result.error.issues[0].path : 'criteria']: result.error.message,
      });
      return;
    }
    onSaved('Framework saved.');
  };

  return (
    <Page title="Edit the scoring framework">
      <RoundNav roundId={roundId} />
      <ErrorSummary errors={summary} />
      <form className="form form--wide" noValidate onSubmit={(e) => void save(e)}>
        <fieldset className="fieldset">
          <legend className="label">Scale</legend>
          <div className="commitment-row">
            <TextField
              id={fid('scaleMin')}
              label="Lowest score"
              value={values.scaleMin}
              onChange={setScale('scaleMin')}
              error={errors.scaleMin}
              width="short"
              inputMode="numeric"
            />
            <TextField
              id={fid('scaleMax')}
              label="Highest score"
              value={values.scaleMax}
              onChange={setScale('scaleMax')}
              error={errors.scaleMax}
              width="short"
              inputMode="numeric"
            />
          </div>
          {errors.descriptors && (
            <p className="error-message" id={fid('descriptors')}>
              {errors.descriptors}
            </p>
          )}
          {values.descriptors.map((d, i) => (
            <TextField
              key={i}
              id={fid(`descriptors.${i}`)}
              label={`What ${Number(values.scaleMin) + i} means`}
              value={d}
              onChange={(text) =>
                setValues((v) => ({ ...v, descriptors: v.descriptors.map((x, j) => (j === i ? text : x)) }))
              }
              error={errors[`descriptors.${i}`]}
              width="medium"
            />
          ))}
        </fieldset>
        <div className="commitment-row">
          <TextField
            id={fid('threshold')}
            label="Quality threshold (0 to 100, optional)"
            value={values.threshold}
            onChange={(t) => setValues((v) => ({ ...v, threshold: t }))}
            error={errors.threshold}
            width="short"
            inputMode="numeric"
          />
          <TextField
            id={fid('divergence')}
            label="Spread that needs moderation"
            value={values.divergence}
            onChange={(t) => setValues((v) => ({ ...v, divergence: t }))}
            error={errors.divergence}
            width="short"
            inputMode="numeric"
          />
        </div>
        <fieldset className="fieldset" id={fid('criteria')} tabIndex={-1}>
          <legend className="label">Criteria</legend>
          <p className={total === 100 ? 'hint' : 'error-message'} aria-live="polite">
            Weights add up to {total}%{total === 100 ? '.' : ': they must add up to 100%.'}
          </p>
          {values.criteria.map((c, i) => (
            <div key={i} className="criterion-editor">
              <div className="commitment-row">
                <TextField
                  id={fid(`criteria.${i}.code`)}
                  label={`Criterion ${i + 1}: code`}
                  value={c.code}
                  onChange={setCriterion(i, 'code')}
                  error={errors[`criteria.${i}.code`]}
                  width="short"
                />
                <TextField
                  id={fid(`criteria.${i}.name`)}
                  label={`Criterion ${i + 1}: name`}
                  value={c.name}
                  onChange={setCriterion(i, 'name')}
                  error={errors[`criteria.${i}.name`]}
                  width="medium"
                />
                {!c.gateway && (
                  <TextField
                    id={fid(`criteria.${i}.weight`)}
                    label={`Criterion ${i + 1}: weight %`}
                    value={c.weight}
                    onChange={setCriterion(i, 'weight')}
                    error={errors[`criteria.${i}.weight`]}
                    width="short"
                    inputMode="numeric"
                  />
                )}
                {!c.gateway && (
                  <TextField
                    id={fid(`criteria.${i}.minScore`)}
                    label={`Criterion ${i + 1}: minimum (optional)`}
                    value={c.minScore}
                    onChange={setCriterion(i, 'minScore')}
                    error={errors[`criteria.${i}.minScore`]}
                    width="short"
                    inputMode="numeric"
                  />
                )}
              </div>
              <TextField
                id={fid(`criteria.${i}.guidance`)}
                label={`Criterion ${i + 1}: guidance for assessors`}
                value={c.guidance}
                onChange={setCriterion(i, 'guidance')}
              />
              <div className="checkbox">
                <input
                  id={fid(`criteria.${i}.gateway`)}
                  type="checkbox"
                  checked={c.gateway}
                  onChange={(e) => setCriterion(i, 'gateway')(e.target.checked)}
                />
                <label htmlFor={fid(`criteria.${i}.gateway`)}>Pass/fail gateway (carries no weight)</label>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setValues((v) => ({ ...v, criteria: v.criteria.filter((_, j) => j !== i) }))}
              >
                Remove criterion {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setValues((v) => ({
                ...v,
                criteria: [
                  ...v.criteria,
                  { code: '', name: '', guidance: '', weight: '0', minScore: '', gateway: false },
                ],
              }))
            }
          >
            Add a criterion
          </button>
        </fieldset>
        {framework.scoringStarted && (
          <fieldset className="fieldset">
            <legend className="label">Scoring has started</legend>
            <div className="hint">
              Changes are recorded with your name and reason. Removing a criterion removes its scores.
            </div>
            <TextField
              id={fid('reason')}
              label="Reason for the change"
              value={values.reason}
              onChange={(t) => setValues((v) => ({ ...v, reason: t }))}
            />
            <div className="checkbox">
              <input
                id="framework-confirm"
                type="checkbox"
                checked={confirm}
                onChange={(e) => setConfirm(e.target.checked)}
              />
              <label htmlFor="framework-confirm">I confirm this change to a framework already in use</label>
            </div>
          </fieldset>
        )}
        <div className="button-group">
          <button type="submit" className="button">
            Save framework
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <h2 className="heading-m">Start again from another round</h2>
      <CopyFramework
        roundId={roundId}
        onCopied={() => onSaved('Framework copied from the other round.')}
        scoringStarted={framework.scoringStarted}
      />
    </Page>
  );
}
