import type { Wording } from '../../../../shared/notices';
import { TextField } from '../../components/TextField';
import { WORDING_FIELDS, type Notice } from './notice-words';

export type EditorValues = {
  title: string;
  marking: Notice['marking'];
  wording: Wording;
  appendixB: boolean;
  summary: string;
};

/** The notice editor's fields: title, marking (a public summary when confidential), wording, Appendix B. */
export function WordingFields({
  values,
  onChange,
}: {
  values: EditorValues;
  onChange: (change: Partial<EditorValues>) => void;
}) {
  return (
    <>
      <TextField
        id="notice-title"
        label="Title"
        value={values.title}
        onChange={(title) => onChange({ title })}
      />
      <div className="form-group">
        <label className="label" htmlFor="notice-marking">
          Protective marking
        </label>
        <select
          id="notice-marking"
          className="select"
          value={values.marking}
          onChange={(e) => onChange({ marking: e.target.value as Notice['marking'] })}
        >
          <option value="NON-CONFIDENTIAL">NON-CONFIDENTIAL</option>
          <option value="CONFIDENTIAL">CONFIDENTIAL (publish only a summary)</option>
        </select>
      </div>
      {values.marking === 'CONFIDENTIAL' && (
        <TextField
          id="notice-summary"
          label="One-paragraph public summary (optional)"
          value={values.summary}
          onChange={(summary) => onChange({ summary })}
        />
      )}
      {WORDING_FIELDS.map(([key, label]) => (
        <div className="form-group" key={key}>
          <label className="label" htmlFor={`wording-${key}`}>
            {label}
          </label>
          <textarea
            id={`wording-${key}`}
            className="input"
            rows={key === 'issuingBody' || key === 'signatoryRole' ? 1 : 3}
            value={values.wording[key]}
            onChange={(e) => onChange({ wording: { ...values.wording, [key]: e.target.value } })}
          />
        </div>
      ))}
      <div className="checkbox">
        <input
          id="notice-appendix-b"
          type="checkbox"
          checked={values.appendixB}
          onChange={(e) => onChange({ appendixB: e.target.checked })}
        />
        <label htmlFor="notice-appendix-b">Include the business cases as Appendix B</label>
      </div>
    </>
  );
}
