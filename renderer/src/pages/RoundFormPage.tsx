import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { formatMoney, parseMoney } from '../../../shared/money';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { LoadFailure, Page } from '../components/Page';
import { DateField } from '../components/DateField';
import { FormGroup } from '../components/FormGroup';
import { TextField } from '../components/TextField';
import { setFlash } from '../flash';
import {
  emptyRoundForm,
  fieldForIssue,
  fieldOrder,
  roundToForm,
  validateRoundForm,
  type CommitmentRow,
  type FormErrors,
  type RoundFormValues,
} from '../forms/round-form';
import { useResult } from '../hooks/useResult';
import { useRounds } from '../rounds-context';

const fieldId = (field: string) => `round-${field.replace(/\./g, '-')}`;

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

// long-function: a form's fields, errors and submit read together; its validation is a tested function in forms/
function RoundForm({ id, initial }: { id?: number; initial: RoundFormValues }) {
  const editing = id !== undefined;
  const [, navigate] = useLocation();
  const switcher = useRounds();
  const [funds] = useResult(() => api.funds.list(), 'funds');
  const [plans] = useResult(() => api.plans.list(), 'plans');
  const [values, setValues] = useState<RoundFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const summary: SummaryError[] = useMemo(
    () => [
      ...(formError ? [{ message: formError }] : []),
      ...fieldOrder(values).flatMap((field) =>
        errors[field] ? [{ fieldId: fieldId(field), message: errors[field] }] : [],
      ),
    ],
    [errors, formError, values],
  );

  const available = useMemo(() => {
    const budget = parseMoney(values.budget);
    const amounts = values.commitments.map((c) => parseMoney(c.amount));
    if (!budget.ok || amounts.some((a) => !a.ok)) return null;
    return budget.pence - amounts.reduce((sum, a) => sum + (a.ok ? a.pence : 0), 0);
  }, [values.budget, values.commitments]);

  const set =
    (
      field:
        | 'fund'
        | 'name'
        | 'financialYear'
        | 'tranche'
        | 'planId'
        | 'opensOn'
        | 'closesOn'
        | 'status'
        | 'budget',
    ) =>
    (value: string) =>
      setValues((v) => ({ ...v, [field]: value }));
  const setCommitment = (index: number, part: keyof CommitmentRow) => (value: string) =>
    setValues((v) => ({
      ...v,
      commitments: v.commitments.map((c, i) => (i === index ? { ...c, [part]: value } : c)),
    }));
  const addCommitment = () => {
    setValues((v) => ({ ...v, commitments: [...v.commitments, { description: '', amount: '' }] }));
    const next = values.commitments.length;
    setTimeout(() => document.getElementById(fieldId(`commitments.${next}.description`))?.focus(), 0);
  };
  const removeCommitment = (index: number) =>
    setValues((v) => ({ ...v, commitments: v.commitments.filter((_, i) => i !== index) }));

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
      const fieldErrors: FormErrors = {};
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
          id={fieldId('financialYear')}
          label="Financial year (optional)"
          hint="For example, 2013-14"
          value={values.financialYear}
          onChange={set('financialYear')}
          error={errors.financialYear}
          autoComplete="off"
          width="short"
        />
        <TextField
          id={fieldId('tranche')}
          label="Tranche or round number (optional)"
          hint="For example, 2 or SSF4"
          value={values.tranche}
          onChange={set('tranche')}
          error={errors.tranche}
          autoComplete="off"
          width="short"
        />
        <FormGroup
          id={fieldId('planId')}
          label="Police and Crime Plan bids are scored against"
          hint="Add plans on the Plans page. A round keeps its plan when a new one comes into force."
          error={errors.planId}
        >
          {(field) => (
            <select
              {...field}
              className="select"
              value={values.planId}
              onChange={(e) => set('planId')(e.target.value)}
            >
              <option value="">No plan yet</option>
              {plans.state === 'ready' &&
                plans.value.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.title} ({plan.period})
                  </option>
                ))}
            </select>
          )}
        </FormGroup>
        <DateField
          id={fieldId('opensOn')}
          label="Opens for bids (optional)"
          value={values.opensOn}
          onChange={set('opensOn')}
          error={errors.opensOn}
        />
        <DateField
          id={fieldId('closesOn')}
          label="Closes for bids (optional)"
          value={values.closesOn}
          onChange={set('closesOn')}
          error={errors.closesOn}
        />
        <div className="form-group">
          <label className="label" htmlFor={fieldId('status')}>
            Status
          </label>
          <select
            id={fieldId('status')}
            className="select"
            value={values.status}
            onChange={(e) => set('status')(e.target.value)}
          >
            <option value="open">Open for bids</option>
            <option value="closed">Closed to new bids</option>
          </select>
        </div>
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
        <fieldset
          className={`fieldset${errors.commitments ? ' form-group--error' : ''}`}
          aria-describedby="commitments-hint"
        >
          <legend className="label">Commitments already made</legend>
          <div id="commitments-hint" className="hint">
            Money already promised from this budget, such as a joint project, each with what it is for. Leave
            empty if none.
          </div>
          {errors.commitments && (
            <p id={fieldId('commitments')} className="error-message" tabIndex={-1}>
              <span className="visually-hidden">Error:</span> {errors.commitments}
            </p>
          )}
          {values.commitments.map((commitment, index) => (
            <div className="commitment-row" key={index}>
              <TextField
                id={fieldId(`commitments.${index}.description`)}
                label={`Commitment ${index + 1}: what it is for`}
                value={commitment.description}
                onChange={setCommitment(index, 'description')}
                error={errors[`commitments.${index}.description`]}
                autoComplete="off"
                width="medium"
              />
              <TextField
                id={fieldId(`commitments.${index}.amount`)}
                label={`Commitment ${index + 1}: amount`}
                prefix="£"
                inputMode="decimal"
                value={commitment.amount}
                onChange={setCommitment(index, 'amount')}
                error={errors[`commitments.${index}.amount`]}
                autoComplete="off"
                width="short"
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => removeCommitment(index)}
              >
                Remove<span className="visually-hidden"> commitment {index + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={addCommitment}>
            Add a commitment
          </button>
        </fieldset>
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
