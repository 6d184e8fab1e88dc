import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { api } from '../api';
import { DateField } from './DateField';
import { ErrorSummary, type SummaryError } from './ErrorSummary';
import { FormGroup } from './FormGroup';
import { TextField } from './TextField';

type Notice = NonNullable<Output<'notices:get'>>;

const FIELD_IDS = {
  summary: 'notice-summary',
  background: 'notice-background',
  boardName: 'notice-board-name',
  boardDate: 'notice-board-date',
} as const;
type Field = keyof typeof FIELD_IDS;

function Words({
  id,
  label,
  hint,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(field, invalid) => (
        <textarea
          {...field}
          className={`input notice-words__text${invalid ? ' input--error' : ''}`}
          rows={6}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormGroup>
  );
}

/**
 * The notice in the office's words (`notice set` on the command line): the executive summary and
 * background a lead officer writes, and the board meeting that reviewed the shortlist. They are
 * part of what the commissioner signs; left empty, the notice builds its summary from the figures.
 */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function NoticeWords({
  notice,
  canEdit,
  onSaved,
}: {
  notice: Notice;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    summary: notice.executiveSummary ?? '',
    background: notice.background ?? '',
    boardName: notice.boardName ?? '',
    boardDate: notice.boardDate ?? '',
  });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const errorFor = (field: Field) => errors.find((e) => e.fieldId === FIELD_IDS[field])?.message;

  if (!canEdit)
    return (
      <section aria-labelledby="notice-words-title">
        <h2 id="notice-words-title" className="heading-m">
          The notice in the office&apos;s words
        </h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Board meeting</dt>
            <dd>
              {notice.boardName ?? 'Not named'}
              {notice.boardDate ? `, ${formatDate(notice.boardDate)}` : ''}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>Executive summary</dt>
            <dd>{notice.executiveSummary ? 'Written by the office' : 'Built from the figures'}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Background</dt>
            <dd>{notice.background ? 'Written by the office' : 'None'}</dd>
          </div>
        </dl>
      </section>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.notices.set({ roundId: notice.roundId, ...values });
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      setErrors(
        issues.length > 0
          ? issues.map((issue) => {
              const field = (Object.keys(FIELD_IDS) as Field[]).find((f) => issue.path === f);
              return field
                ? { fieldId: FIELD_IDS[field], message: issue.message }
                : { message: issue.message };
            })
          : [{ message: result.error.message }],
      );
      return;
    }
    setErrors([]);
    onSaved("The notice's words are saved: the preview below shows them.");
  };

  return (
    <section aria-labelledby="notice-words-title">
      <h2 id="notice-words-title" className="heading-m">
        The notice in the office&apos;s words
      </h2>
      <ErrorSummary errors={errors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Words
          id={FIELD_IDS.summary}
          label="Executive summary"
          hint="Leave empty for a summary built from the figures. Blank lines start new paragraphs."
          value={values.summary}
          error={errorFor('summary')}
          onChange={set('summary')}
        />
        <Words
          id={FIELD_IDS.background}
          label="Background"
          hint="Why the fund exists and what came before, opening the facts and advice. Optional."
          value={values.background}
          error={errorFor('background')}
          onChange={set('background')}
        />
        <TextField
          id={FIELD_IDS.boardName}
          label="Board that reviewed the shortlist"
          hint="For example, Strategic Policing and Crime Board"
          value={values.boardName}
          error={errorFor('boardName')}
          onChange={set('boardName')}
          autoComplete="off"
        />
        <DateField
          id={FIELD_IDS.boardDate}
          label="Date of its meeting"
          value={values.boardDate}
          error={errorFor('boardDate')}
          onChange={set('boardDate')}
        />
        <button type="submit" className="button button--secondary">
          Save the notice&apos;s words
        </button>
      </form>
    </section>
  );
}
