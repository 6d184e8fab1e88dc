import { useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { BID_STATUS_LABELS, BID_STATUSES, type BidDetail } from '../../../shared/bids';
import { formatMoney } from '../../../shared/money';
import type { PriorityNode } from '../../../shared/organisations';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { LoadFailure, Page } from '../components/Page';
import { RoundNav } from '../components/RoundNav';
import { TextField } from '../components/TextField';
import { setFlash } from '../flash';
import {
  bidFieldForPath,
  bidFieldOrder,
  bidToForm,
  costLinesTotalAsTyped,
  emptyBidForm,
  validateBidForm,
  type BidFormErrors,
  type BidFormValues,
  type CostLineRow,
} from '../forms/bid-form';
import { useResult } from '../hooks/useResult';

const fieldId = (field: string) => `bid-${field.replace(/\./g, '-')}`;

export function BidFormPage({ roundId, id }: { roundId: number; id?: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [plans] = useResult(() => api.plans.list(), 'plans');
  const [existing] = useResult<BidDetail | null>(
    async () => (id === undefined ? { ok: true, value: null } : api.bids.get({ id })),
    `bid:${id ?? 'new'}`,
  );
  if (round.state === 'failed' || existing.state === 'failed') {
    return (
      <Page title="Bid not available">
        <LoadFailure
          message={
            round.state === 'failed'
              ? round.error.message
              : existing.state === 'failed'
                ? existing.error.message
                : ''
          }
        />
      </Page>
    );
  }
  if (round.state !== 'ready' || existing.state !== 'ready' || plans.state === 'loading')
    return <p aria-live="polite">Loading…</p>;
  const plan = plans.state === 'ready' ? plans.value.find((p) => p.id === round.value.planId) : undefined;
  return (
    <BidForm
      key={id ?? 'new'}
      roundId={roundId}
      existing={existing.value}
      initial={existing.value ? bidToForm(existing.value) : emptyBidForm}
      priorities={plan?.priorities ?? []}
      planTitle={plan?.title ?? null}
    />
  );
}

function flatten(nodes: PriorityNode[], depth = 0): { node: PriorityNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

// long-function: a form's fields, errors and submit read together; its validation is a tested function in forms/
function BidForm({
  roundId,
  existing,
  initial,
  priorities,
  planTitle,
}: {
  roundId: number;
  existing: BidDetail | null;
  initial: BidFormValues;
  priorities: PriorityNode[];
  planTitle: string | null;
}) {
  const [, navigate] = useLocation();
  const [partnerships] = useResult(() => api.partnerships.list(), 'partnerships');
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<BidFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const summary: SummaryError[] = useMemo(
    () => [
      ...(formError ? [{ message: formError }] : []),
      ...bidFieldOrder(values).flatMap((f) =>
        errors[f] ? [{ fieldId: fieldId(f), message: errors[f] }] : [],
      ),
    ],
    [errors, formError, values],
  );
  const set = (field: keyof BidFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setLine = (index: number, part: keyof CostLineRow) => (value: string) =>
    setValues((v) => ({
      ...v,
      costLines: v.costLines.map((l, i) => (i === index ? { ...l, [part]: value } : l)),
    }));
  const linesTotal = useMemo(() => costLinesTotalAsTyped(values.costLines), [values.costLines]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateBidForm(roundId, values);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    const sections = existing?.sections.map(({ heading, body }) => ({ heading, body })) ?? [];
    const { roundId: _roundId, ...fields } = input;
    const result = existing
      ? await api.bids.update({ ...fields, sections, id: existing.id })
      : await api.bids.create(input);
    setSaving(false);
    if (!result.ok) {
      const fieldErrors: BidFormErrors = {};
      for (const issue of result.error.issues ?? []) {
        const field = bidFieldForPath(issue.path);
        if (field) fieldErrors[field] = issue.message;
      }
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFormError(result.error.message);
      return;
    }
    setFlash(existing ? `Bid ${result.value.ref} saved.` : `Bid ${result.value.ref} recorded.`);
    navigate(`/rounds/${roundId}/bids/${result.value.id}`);
  };

  return (
    <Page title={existing ? `Edit bid ${existing.ref}` : 'Record a bid'}>
      <RoundNav roundId={roundId} />
      <ErrorSummary errors={summary} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={saving}>
        <TextField
          id={fieldId('ref')}
          label="Reference"
          hint="As the schedule numbers it, for example S1, SS4 or SSF4-02"
          value={values.ref}
          onChange={set('ref')}
          error={errors.ref}
          width="short"
          autoComplete="off"
        />
        <TextField
          id={fieldId('partnership')}
          label="Partnership"
          hint="Any name the partnership goes by is matched to it"
          value={values.partnership}
          onChange={set('partnership')}
          error={errors.partnership}
          list="partnership-options"
          width="medium"
          autoComplete="off"
        />
        <datalist id="partnership-options">
          {partnerships.state === 'ready' &&
            partnerships.value.map((p) => <option key={p.id} value={p.name} />)}
        </datalist>
        <TextField
          id={fieldId('title')}
          label="Project"
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          autoComplete="off"
        />
        <div className={`form-group${errors.summary ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={fieldId('summary')}>
            Summary (optional)
          </label>
          <textarea
            id={fieldId('summary')}
            className="input"
            rows={4}
            value={values.summary}
            onChange={(e) => set('summary')(e.target.value)}
          />
        </div>
        <TextField
          id={fieldId('requested')}
          label="Amount requested"
          prefix="£"
          inputMode="decimal"
          value={values.requested}
          onChange={set('requested')}
          error={errors.requested}
          width="short"
          autoComplete="off"
        />
        <TextField
          id={fieldId('reduced')}
          label="Could be reduced to (optional)"
          hint="The smaller amount the bidder would accept, if they offer one"
          prefix="£"
          inputMode="decimal"
          value={values.reduced}
          onChange={set('reduced')}
          error={errors.reduced}
          width="short"
          autoComplete="off"
        />
        <TextField
          id={fieldId('reductionNote')}
          label="What would be cut to reach it (optional)"
          value={values.reductionNote}
          onChange={set('reductionNote')}
          error={errors.reductionNote}
          autoComplete="off"
        />
        <TextField
          id={fieldId('statedTotal')}
          label="Total the business case states (optional)"
          hint="Kept as written, and checked against the cost lines"
          prefix="£"
          inputMode="decimal"
          value={values.statedTotal}
          onChange={set('statedTotal')}
          error={errors.statedTotal}
          width="short"
          autoComplete="off"
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
            {BID_STATUSES.map((s) => (
              <option key={s} value={s}>
                {BID_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {(values.status === 'ineligible' || values.status === 'withdrawn' || values.statusReason) && (
          <TextField
            id={fieldId('statusReason')}
            label="Reason for the status"
            value={values.statusReason}
            onChange={set('statusReason')}
            error={errors.statusReason}
            autoComplete="off"
          />
        )}
        <TextField
          id={fieldId('durationText')}
          label="Duration (optional)"
          hint="For example, 1 year"
          value={values.durationText}
          onChange={set('durationText')}
          error={errors.durationText}
          width="medium"
          autoComplete="off"
        />

        <fieldset className="fieldset">
          <legend className="label">Cost lines</legend>
          <div className="hint">
            Each item with its quantity and unit cost, or just its amount. Amounts are kept as stated and
            checked.
          </div>
          {values.costLines.map((line, i) => (
            <div className="commitment-row" key={i}>
              <TextField
                id={fieldId(`costLines.${i}.description`)}
                label={`Line ${i + 1}: item`}
                value={line.description}
                onChange={setLine(i, 'description')}
                error={errors[`costLines.${i}.description`]}
                autoComplete="off"
                width="medium"
              />
              <TextField
                id={fieldId(`costLines.${i}.quantity`)}
                label={`Line ${i + 1}: quantity`}
                inputMode="decimal"
                value={line.quantity}
                onChange={setLine(i, 'quantity')}
                error={errors[`costLines.${i}.quantity`]}
                autoComplete="off"
                width="short"
              />
              <TextField
                id={fieldId(`costLines.${i}.unitCost`)}
                label={`Line ${i + 1}: unit cost`}
                prefix="£"
                inputMode="decimal"
                value={line.unitCost}
                onChange={setLine(i, 'unitCost')}
                error={errors[`costLines.${i}.unitCost`]}
                autoComplete="off"
                width="short"
              />
              <TextField
                id={fieldId(`costLines.${i}.amount`)}
                label={`Line ${i + 1}: amount`}
                prefix="£"
                inputMode="decimal"
                value={line.amount}
                onChange={setLine(i, 'amount')}
                error={errors[`costLines.${i}.amount`]}
                autoComplete="off"
                width="short"
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setValues((v) => ({ ...v, costLines: v.costLines.filter((_, j) => j !== i) }))}
              >
                Remove<span className="visually-hidden"> line {i + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setValues((v) => ({
                ...v,
                costLines: [...v.costLines, { description: '', quantity: '', unitCost: '', amount: '' }],
              }))
            }
          >
            Add a cost line
          </button>
          <p className="inset" aria-live="polite">
            Cost lines add up to: <strong>{linesTotal === null ? '—' : formatMoney(linesTotal)}</strong>
          </p>
        </fieldset>

        <fieldset className="fieldset" id={fieldId('claimedPriorityIds')} tabIndex={-1}>
          <legend className="label">Priorities the bidder claims</legend>
          {priorities.length === 0 ? (
            <p className="hint">
              This round has no Police and Crime Plan, so there are no priorities to claim.
            </p>
          ) : (
            <>
              <div className="hint">From {planTitle}</div>
              {errors.claimedPriorityIds && <p className="error-message">{errors.claimedPriorityIds}</p>}
              {flatten(priorities).map(({ node, depth }) => (
                <div className="checkbox" key={node.id} style={{ marginLeft: depth * 24 }}>
                  <input
                    id={`priority-${node.id}`}
                    type="checkbox"
                    checked={values.claimedPriorityIds.includes(node.id)}
                    onChange={(e) =>
                      setValues((v) => ({
                        ...v,
                        claimedPriorityIds: e.target.checked
                          ? [...v.claimedPriorityIds, node.id]
                          : v.claimedPriorityIds.filter((p) => p !== node.id),
                      }))
                    }
                  />
                  <label htmlFor={`priority-${node.id}`}>
                    <strong>{node.code}</strong> {node.title}
                  </label>
                </div>
              ))}
            </>
          )}
        </fieldset>
        <div className="button-group">
          <button type="submit" className="button" disabled={saving}>
            {existing ? 'Save changes' : 'Record bid'}
          </button>
          <Link href={existing ? `/rounds/${roundId}/bids/${existing.id}` : `/rounds/${roundId}/bids`}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
