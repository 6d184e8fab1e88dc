import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { BidDetail } from '../../../../shared/bids';
import type { PriorityNode } from '../../../../shared/organisations';
import { api } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { RoundNav } from '../../components/RoundNav';
import { setFlash } from '../../flash';
import {
  validateBidForm,
  type BidFormErrors,
  type BidFormValues,
  type CostLineRow,
} from '../../forms/bid-form';
import { useResult } from '../../hooks/useResult';
import { BidDetailsFields } from './BidDetailsFields';
import { BidMoneyFields } from './BidMoneyFields';
import { BidStatusFields } from './BidStatusFields';
import { ClaimedPriorities } from './ClaimedPriorities';
import { CostLines } from './CostLines';
import {
  refusalFieldErrors,
  summaryErrors,
  withLineAdded,
  withLinePart,
  withLineRemoved,
  withPriority,
} from './edits';
import { saveBid } from './save';

/** Recording a new bid or editing one: its fields, cost lines and claimed priorities, checked before saving. */
export function BidForm({
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
  const set = (field: keyof BidFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setLine = (index: number, part: keyof CostLineRow) => (value: string) =>
    setValues((v) => withLinePart(v, index, part, value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateBidForm(roundId, values);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    const result = await saveBid(existing, input);
    setSaving(false);
    if (!result.ok) {
      const fieldErrors = refusalFieldErrors(result.error.issues ?? []);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFormError(result.error.message);
      return;
    }
    setFlash(existing ? `Bid ${result.value.ref} saved.` : `Bid ${result.value.ref} recorded.`);
    navigate(`/rounds/${roundId}/bids/${result.value.id}`);
  };

  const fields = { values, errors, set };
  return (
    <Page title={existing ? `Edit bid ${existing.ref}` : 'Record a bid'}>
      <RoundNav roundId={roundId} />
      <ErrorSummary errors={summaryErrors(values, errors, formError)} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={saving}>
        <BidDetailsFields
          {...fields}
          partnerships={partnerships.state === 'ready' ? partnerships.value.map((p) => p.name) : []}
        />
        <BidMoneyFields {...fields} />
        <BidStatusFields {...fields} />
        <CostLines
          lines={values.costLines}
          errors={errors}
          setLine={setLine}
          onAdd={() => setValues(withLineAdded)}
          onRemove={(i) => setValues((v) => withLineRemoved(v, i))}
        />
        <ClaimedPriorities
          priorities={priorities}
          planTitle={planTitle}
          claimed={values.claimedPriorityIds}
          error={errors.claimedPriorityIds}
          onClaim={(id, claimed) => setValues((v) => withPriority(v, id, claimed))}
        />
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
