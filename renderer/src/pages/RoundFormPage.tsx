import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { formatMoney, parseMoney } from '../../../shared/money';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { setFlash } from '../flash';
import {
  emptyRoundForm,
  fieldForIssue,
  ROUND_FIELD_ORDER,
  roundToForm,
  validateRoundForm,
  type FormErrors,
  type RoundFormField,
  type RoundFormValues,
} from '../forms/round-form';
import { useResult } from '../hooks/useResult';
import { useRounds } from '../rounds-context';

const fieldId = (field: RoundFormField) => `round-${field}`;

export function RoundFormPage({ id }: { id?: number }) {
  if (id === undefined) return <RoundForm initial={emptyRoundForm} />;
  return <EditRound id={id} />;
}

function EditRound({ id }: { id: number }) {
  const [existing] = useResult(() => api.rounds.get({ id }), `round:${id}`);
  if (existing.state === 'loading') return <p aria-live="polite">Loading round…</p>;
  if (existing.state === 'failed') {
    return (
      <Page title="Round not available">
        <LoadFailure message={existing.error.message} />
      </Page>
    );
  }
  return <RoundForm key={id} id={id} initial={roundToForm(existing.value)} />;
}

function RoundForm({ id, initial }: { id?: number; initial: RoundFormValues }) {
  const editing = id !== undefined;
  const [, navigate] = useLocation();
  const switcher = useRounds();
  const [funds] = useResult(() => api.funds.list(), 'funds');
  const [values, setValues] = useState<RoundFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors<RoundFormField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const summary: SummaryError[] = useMemo(
    () => [
      ...(formError ? [{ message: formError }] : []),
      ...ROUND_FIELD_ORDER.flatMap((field) => (errors[field] ? [{ fieldId: fieldId(field), message: errors[field] }] : [])),
    ],
    [errors, formError],
  );

  const available = useMemo(() => {
    const budget = parseMoney(values.budget);
    const committed = values.committed.trim() === '' ? { ok: true as const, pence: 0 } : parseMoney(values.committed);
    return budget.ok && committed.ok ? budget.pence - committed.pence : null;
  }, [values.budget, values.committed]);

  const set = (field: RoundFormField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateRoundForm(values);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    const result = editing ? await api.rounds.update({ ...input, id }) : await api.rounds.create(input);
    setSaving(false);
    if (!result.ok) {
      const fieldErrors: FormErrors<RoundFormField> = {};
      for (const issue of result.error.issues ?? []) {
        const field = fieldForIssue(issue);
        if (field) fieldErrors[field] = issue.message;
      }
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFormError(result.error.message);
      return;
    }
    switcher.reload();
    setFlash(editing ? `Round "${result.value.name}" saved.` : `Round "${result.value.name}" created.`);
    navigate(editing ? `/rounds/${result.value.id}` : '/rounds');
  };

  return (
    <Page title={editing ? 'Edit round' : 'Create a round'}>
      <ErrorSummary errors={summary} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <TextField
          id={fieldId('fund')}
          label="Fund"
          hint="For example, Invest to Save or Safer Streets"
          value={values.fund}
          onChange={set('fund')}
          error={errors.fund}
          list="fund-options"
          autoComplete="off"
          width="medium"
        />
        <datalist id="fund-options">
          {funds.state === 'ready' && funds.value.map((fund) => <option key={fund.id} value={fund.name} />)}
        </datalist>
        <TextField
          id={fieldId('name')}
          label="Round name"
          hint="For example, 2013-14 tranche 2"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          autoComplete="off"
          width="medium"
        />
        <TextField
          id={fieldId('budget')}
          label="Budget"
          hint="The whole fund for this round, for example £350,000 or £350k"
          prefix="£"
          inputMode="decimal"
          value={values.budget}
          onChange={set('budget')}
          error={errors.budget}
          autoComplete="off"
          width="short"
        />
        <TextField
          id={fieldId('committed')}
          label="Commitments already made (optional)"
          hint="Money already promised from this budget, such as a joint project. Leave blank if none."
          prefix="£"
          inputMode="decimal"
          value={values.committed}
          onChange={set('committed')}
          error={errors.committed}
          autoComplete="off"
          width="short"
        />
        <p className="inset" aria-live="polite">
          Available to allocate: <strong>{available === null ? '—' : formatMoney(available)}</strong>
        </p>
        <div className="button-group">
          <button type="submit" className="button" disabled={saving}>
            {editing ? 'Save changes' : 'Create round'}
          </button>
          <Link href={editing ? `/rounds/${id}` : '/rounds'}>Cancel</Link>
        </div>
      </form>
    </Page>
  );
}
