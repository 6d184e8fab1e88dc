import type { Framework } from '../../../../shared/frameworks';
import { pointsFor, type ScoreValue } from './sheet-form';

/** One criterion on the sheet: its name and weight, guidance, the points to choose from and a justification. */
export function CriterionField({
  framework,
  criterion: c,
  value,
  error,
  onChange,
}: {
  framework: Framework;
  criterion: Framework['criteria'][number];
  value: ScoreValue | undefined;
  error: string | undefined;
  onChange: (value: ScoreValue) => void;
}) {
  const justification = value?.justification ?? '';
  return (
    <fieldset className={`fieldset criterion${error ? ' form-group--error' : ''}`}>
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
        {pointsFor(framework, c).map((p) => (
          <div className="scale__point" key={p.score}>
            <input
              type="radio"
              id={`score-${c.code}-${p.score}`}
              name={`score-${c.code}`}
              checked={value?.score === p.score}
              onChange={() => onChange({ score: p.score, justification })}
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
        value={justification}
        onChange={(e) => onChange({ score: value?.score ?? null, justification: e.target.value })}
      />
    </fieldset>
  );
}
