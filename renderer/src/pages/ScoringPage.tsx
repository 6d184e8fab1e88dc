import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { MIN_JUSTIFICATION, type ScoringSheet } from '../../../shared/assessment';
import { formatDate } from '../../../shared/dates';
import type { BidDetail } from '../../../shared/bids';
import type { Framework } from '../../../shared/frameworks';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { AlignmentEditor } from '../components/AlignmentEditor';
import { BusinessCasePanel } from '../components/BusinessCasePanel';
import { RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';

export function ScoringPage({ roundId, bidId }: { roundId: number; bidId: number }) {
  const [sheet, reload] = useResult(() => api.assessment.sheet({ bidId }), `sheet:${bidId}`);
  const [framework] = useResult(() => api.frameworks.get({ roundId }), `framework:${roundId}`);
  const [bid] = useResult(() => api.bids.get({ id: bidId }), `bid:${bidId}`);
  // Kept here, not in the sheet view: submitting reloads the sheet, which starts the view afresh.
  const [submitted, setSubmitted] = useState<{ bidId: number; ref: string } | null>(null);
  if (sheet.state === 'failed' || framework.state === 'failed') {
    return (
      <Page title="Scoring sheet not available">
        <LoadFailure
          message={
            sheet.state === 'failed'
              ? sheet.error.message
              : framework.state === 'failed'
                ? framework.error.message
                : ''
          }
        />
      </Page>
    );
  }
  if (sheet.state !== 'ready' || framework.state !== 'ready')
    return <p aria-live="polite">Loading the scoring sheet…</p>;
  if (!framework.value) {
    return (
      <Page title="No scoring framework">
        <p>This round has no scoring framework yet.</p>
      </Page>
    );
  }
  return (
    <ScoringSheetView
      key={`${sheet.value.declaration?.declaredAt ?? ''}${sheet.value.submittedAt ?? ''}`}
      sheet={sheet.value}
      framework={framework.value}
      roundId={roundId}
      bid={bid.state === 'ready' ? bid.value : null}
      submitted={submitted?.bidId === bidId ? submitted.ref : null}
      onChange={reload}
      onSubmitted={() => setSubmitted({ bidId, ref: sheet.value.ref })}
    />
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function Declaration({
  sheet,
  roundId,
  onDone,
}: {
  sheet: ScoringSheet;
  roundId: number;
  onDone: () => void;
}) {
  const [choice, setChoice] = useState<'none' | 'conflict' | ''>('');
  const [nature, setNature] = useState('');
  const [error, setError] = useState<SummaryError[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice)
      return setError([
        { fieldId: 'declare-none', message: 'Say whether you have a conflict of interest in this bid' },
      ]);
    if (choice === 'conflict' && !nature.trim())
      return setError([{ fieldId: 'declare-nature', message: 'Say what the conflict is' }]);
    const result = await api.assessment.declare({
      roundId,
      bidRefs: [sheet.ref],
      conflict: choice === 'conflict',
      ...(choice === 'conflict' ? { nature } : {}),
    });
    if (!result.ok) return setError([{ message: result.error.message }]);
    onDone();
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary errors={error} />
      <fieldset className="fieldset">
        <legend className="label">
          Before you see or score this bid: do you have a conflict of interest in it?
        </legend>
        <div className="hint">
          For example, you work for, advise or are related to someone in the applicant partnership. A
          conflicted assessor does not score and is left out of the averages.
        </div>
        <div className="checkbox">
          <input
            type="radio"
            id="declare-none"
            name="declare"
            checked={choice === 'none'}
            onChange={() => setChoice('none')}
          />
          <label htmlFor="declare-none">No, I have no conflict of interest</label>
        </div>
        <div className="checkbox">
          <input
            type="radio"
            id="declare-conflict"
            name="declare"
            checked={choice === 'conflict'}
            onChange={() => setChoice('conflict')}
          />
          <label htmlFor="declare-conflict">Yes, I have a conflict of interest</label>
        </div>
        {choice === 'conflict' && (
          <div className="form-group">
            <label className="label" htmlFor="declare-nature">
              What is the conflict?
            </label>
            <textarea
              id="declare-nature"
              className="input"
              rows={3}
              value={nature}
              onChange={(e) => setNature(e.target.value)}
            />
          </div>
        )}
      </fieldset>
      <button type="submit" className="button">
        Record my declaration
      </button>
    </form>
  );
}

/** After submitting: says so, and offers the next bid this assessor still has to score. */
function SubmittedPanel({ roundId, bidId, ref }: { roundId: number; bidId: number; ref: string }) {
  const [mine] = useResult(() => api.assessment.myBids({ roundId }), `my-bids:${roundId}:${bidId}`);
  const next =
    mine.state === 'ready'
      ? mine.value.find((b) => b.bidId !== bidId && ['declare', 'to_score', 'draft'].includes(b.state))
      : undefined;
  return (
    <div className="banner banner--success" role="status">
      <p className="banner__title">Your scores for {ref} are submitted</p>
      <p>They now count in the ranking, and you can see other assessors&apos; scores below.</p>
      {mine.state === 'ready' &&
        (next ? (
          <p>
            <Link href={`/rounds/${roundId}/assessment/${next.bidId}`}>
              Score the next bid assigned to you: {next.ref} {next.title}
            </Link>
          </p>
        ) : (
          <p>
            You have no other bids to score in this round.{' '}
            <Link href={`/rounds/${roundId}/assessment`}>Back to your bids</Link>
          </p>
        ))}
    </div>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function ScoringSheetView({
  sheet,
  framework,
  roundId,
  bid,
  submitted,
  onChange,
  onSubmitted,
}: {
  sheet: ScoringSheet;
  framework: Framework;
  roundId: number;
  bid: BidDetail | null;
  submitted: string | null;
  onChange: () => void;
  onSubmitted: () => void;
}) {
  const initial = useMemo(
    () =>
      Object.fromEntries(
        framework.criteria.map((c) => {
          const own = sheet.own.find((s) => s.criterionId === c.id);
          return [c.id, { score: own?.score ?? null, justification: own?.justification ?? '' }];
        }),
      ),
    [framework, sheet],
  ) as Record<number, { score: number | null; justification: string }>;
  const [values, setValues] = useState(initial);
  const { may } = useMayWrite(roundId);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const fieldError = (code: string) => errors.find((e) => e.fieldId?.startsWith(`score-${code}-`))?.message;

  const save = async (submit: boolean) => {
    const scores = framework.criteria.map((c) => ({
      criterionId: c.id,
      score: values[c.id]?.score ?? null,
      justification: values[c.id]?.justification ?? '',
    }));
    if (submit) {
      const missing: SummaryError[] = framework.criteria.flatMap((c) => {
        const v = values[c.id];
        if (!v || v.score === null)
          return [
            {
              fieldId: `score-${c.code}-${c.gateway ? 1 : framework.scale.min}`,
              message: `${c.code}: choose a score`,
            },
          ];
        if (v.justification.trim().length < MIN_JUSTIFICATION)
          return [
            {
              fieldId: `score-${c.code}-justification`,
              message: `${c.code}: write a justification of at least ${MIN_JUSTIFICATION} characters`,
            },
          ];
        return [];
      });
      if (missing.length > 0) return setErrors(missing);
    }
    const result = await api.assessment.score({ bidId: sheet.bidId, scores, submit });
    if (!result.ok) {
      return setErrors(
        (result.error.issues ?? [{ path: '', message: result.error.message }]).map((i) => {
          const criterion = framework.criteria.find((c) => c.code === i.path);
          return criterion
            ? { fieldId: `score-${criterion.code}-justification`, message: i.message }
            : { message: i.message };
        }),
      );
    }
    setErrors([]);
    if (submit) {
      onSubmitted();
      onChange();
    } else setMessage('Draft saved. Your scores count once you submit them.');
  };

  return (
    <Page title={`Score ${sheet.ref}: ${sheet.title}`} caption={sheet.partnership}>
      <RoundNav roundId={roundId} />
      {submitted && <SubmittedPanel roundId={roundId} bidId={sheet.bidId} ref={submitted} />}
      {message && <Banner kind="success">{message}</Banner>}
      <p>
        <Link href={`/rounds/${roundId}/bids/${sheet.bidId}`}>Read the bid and its business case</Link>
      </p>
      {!sheet.assigned && <LoadFailure message="You are not assigned to score this bid." />}
      {sheet.assigned && !sheet.declaration && (
        <Declaration sheet={sheet} roundId={roundId} onDone={onChange} />
      )}
      {sheet.declaration?.conflict && (
        <Banner kind="important">
          You declared a conflict of interest on {formatDate(sheet.declaration.declaredAt)}:{' '}
          {sheet.declaration.nature}. You do not score this bid and cannot see its scores.
        </Banner>
      )}
      {sheet.declaration && !sheet.declaration.conflict && (
        <div className={bid ? 'scoring-layout' : undefined}>
          {bid && <BusinessCasePanel bid={bid} />}
          <form
            className="form form--wide"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save(true);
            }}
          >
            <ErrorSummary errors={errors} />
            <div className="inset scoring-rules">
              <p>
                <strong>To submit:</strong> choose a score for every criterion and write a justification of at
                least {MIN_JUSTIFICATION} characters for each.
              </p>
              {framework.criteria.some((c) => c.gateway) && (
                <p>
                  {framework.criteria
                    .filter((c) => c.gateway)
                    .map((c) => c.code)
                    .join(', ')}{' '}
                  {framework.criteria.filter((c) => c.gateway).length === 1 ? 'is a gateway' : 'are gateways'}
                  : pass or fail. A bid that fails a gateway is ranked after all the others, whatever it
                  scores.
                </p>
              )}
              {framework.criteria.some((c) => c.minScore !== null) && (
                <p>
                  A criterion scored below its minimum (shown beside it) also ranks the bid after the others.
                </p>
              )}
              <p>Save a draft at any time; only submitted scores count.</p>
            </div>
            {may('assessment:align') && <AlignmentEditor bidId={sheet.bidId} />}
            {sheet.submittedAt && (
              <p className="body">
                You submitted these scores on {formatDate(sheet.submittedAt)}, so they can no longer be
                changed here. To change one, ask the lead officer to reopen your sheet.
              </p>
            )}
            <fieldset className="fieldset" disabled={sheet.submittedAt !== null}>
              {framework.criteria.map((c) => {
                const points = c.gateway
                  ? [
                      { score: 1, descriptor: 'Pass' },
                      { score: 0, descriptor: 'Fail' },
                    ]
                  : framework.scale.descriptors;
                const error = fieldError(c.code);
                return (
                  <fieldset key={c.id} className={`fieldset criterion${error ? ' form-group--error' : ''}`}>
                    <legend className="label">
                      {c.code} {c.name}{' '}
                      <span className="secondary">
                        (
                        {c.gateway
                          ? 'pass or fail'
                          : `${c.weight}%${c.minScore !== null ? `, at least ${c.minScore}` : ''}`}
                        )
                      </span>
                    </legend>
                    <div className="hint">{c.guidance}</div>
                    {error && <p className="error-message">{error}</p>}
                    <div className="scale">
                      {points.map((p) => (
                        <div className="scale__point" key={p.score}>
                          <input
                            type="radio"
                            id={`score-${c.code}-${p.score}`}
                            name={`score-${c.code}`}
                            checked={values[c.id]?.score === p.score}
                            onChange={() =>
                              setValues((v) => ({
                                ...v,
                                [c.id]: { score: p.score, justification: v[c.id]?.justification ?? '' },
                              }))
                            }
                          />
                          <label htmlFor={`score-${c.code}-${p.score}`}>
                            <strong>{p.score}</strong> {p.descriptor}
                          </label>
                        </div>
                      ))}
                    </div>
                    <label className="label label--small" htmlFor={`score-${c.code}-justification`}>
                      {c.code} justification
                    </label>
                    <textarea
                      id={`score-${c.code}-justification`}
                      className="input"
                      rows={3}
                      value={values[c.id]?.justification ?? ''}
                      onChange={(e) =>
                        setValues((v) => ({
                          ...v,
                          [c.id]: { score: v[c.id]?.score ?? null, justification: e.target.value },
                        }))
                      }
                    />
                  </fieldset>
                );
              })}
            </fieldset>
            {sheet.submittedAt === null && (
              <div className="button-group">
                <button type="submit" className="button">
                  Submit scores
                </button>
                <button type="button" className="button button--secondary" onClick={() => void save(false)}>
                  Save draft
                </button>
              </div>
            )}
          </form>
        </div>
      )}
      {sheet.others && (
        <>
          <h2 className="heading-m">Other assessors&apos; scores</h2>
          {sheet.others.length === 0 ? (
            <p className="secondary">No other assessor has submitted yet.</p>
          ) : (
            <table className="table">
              <caption className="visually-hidden">Other assessors' scores</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  {sheet.others.map((o) => (
                    <th scope="col" key={o.person}>
                      {o.person}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {framework.criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.code}</th>
                    {sheet.others?.map((o) => {
                      const s = o.scores.find((x) => x.criterionId === c.id);
                      return (
                        <td key={o.person}>
                          <strong>{s?.score ?? '—'}</strong>{' '}
                          <span className="secondary">{s?.justification}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {!sheet.others && sheet.declaration && !sheet.declaration.conflict && (
        <p className="hint">
          Other assessors&apos; scores appear here once you submit yours, so that nobody anchors on anyone
          else.
        </p>
      )}
    </Page>
  );
}
