import { useState, type FormEvent } from 'react';
import type { PriorityNode } from '../../../shared/organisations';
import { parsePriorityOutline } from '../../../shared/priority-outline';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { FormGroup } from '../components/FormGroup';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';

function PriorityTree({ nodes }: { nodes: PriorityNode[] }) {
  return (
    <ul className="priority-tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <strong>{node.code}</strong> {node.title}
          {node.children.length > 0 && <PriorityTree nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function PlansPage() {
  const [plans, reload] = useResult(() => api.plans.list(), 'plans');
  const [values, setValues] = useState({ title: '', period: '', outline: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.title.trim()) found.title = 'Enter the plan title';
    if (!values.period.trim()) found.period = 'Enter the period the plan covers, like 2021–2025';
    const outline = parsePriorityOutline(values.outline);
    if (!outline.ok) found.outline = outline.problems.join('. ');
    setErrors(found);
    if (!outline.ok || Object.keys(found).length > 0) return;
    const result = await api.plans.create({
      title: values.title,
      period: values.period,
      priorities: outline.priorities,
    });
    if (!result.ok) {
      const issue = result.error.issues?.[0];
      setErrors({ [issue?.path === 'title' ? 'title' : 'outline']: result.error.message });
      return;
    }
    setSaved(`Plan "${result.value.title}" saved with its priorities. Rounds can now be scored against it.`);
    setValues({ title: '', period: '', outline: '' });
    reload();
  };

  const summary: SummaryError[] = (['title', 'period', 'outline'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `plan-${f}`, message: errors[f] }] : [],
  );
  return (
    <Page title="Police and Crime Plans">
      <p className="body">
        Each round is scored against the plan in force when it opened; old rounds keep theirs.
      </p>
      {saved && <Banner kind="success">{saved}</Banner>}
      {plans.state === 'failed' && <LoadFailure message={plans.error.message} />}
      {plans.state === 'ready' && plans.value.length === 0 && <p className="secondary">No plans yet.</p>}
      {plans.state === 'ready' &&
        plans.value.map((plan) => (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`}>
            <h2 id={`plan-${plan.id}`} className="heading-m">
              {plan.title} <span className="secondary">({plan.period})</span>
            </h2>
            <p className="hint">
              Used by {plan.roundCount} {plan.roundCount === 1 ? 'round' : 'rounds'}
            </p>
            <PriorityTree nodes={plan.priorities} />
          </section>
        ))}
      <h2 className="heading-m">Add a plan</h2>
      <ErrorSummary errors={summary} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="plan-title"
          label="Title"
          hint="For example, Police and Crime Plan 2021–2025"
          value={values.title}
          onChange={(title) => setValues((v) => ({ ...v, title }))}
          error={errors.title}
          autoComplete="off"
        />
        <TextField
          id="plan-period"
          label="Period"
          hint="For example, 2021–2025"
          value={values.period}
          onChange={(period) => setValues((v) => ({ ...v, period }))}
          error={errors.period}
          width="short"
          autoComplete="off"
        />
        <FormGroup
          id="plan-outline"
          label="Priorities"
          hint={
            'One per line: a short code, then the title. Indent a line by two spaces to make it a ' +
            'sub-objective of the line above.'
          }
          error={errors.outline}
        >
          {(field) => (
            <textarea
              {...field}
              className="input outline-input"
              rows={10}
              value={values.outline}
              placeholder={'O1 Reduce crime and offending\n  O1.1 Reduce violent crime with injury'}
              onChange={(e) => setValues((v) => ({ ...v, outline: e.target.value }))}
            />
          )}
        </FormGroup>
        <button type="submit" className="button">
          Save plan
        </button>
      </form>
    </Page>
  );
}
