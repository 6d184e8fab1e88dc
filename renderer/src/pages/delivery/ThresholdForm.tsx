import { useState } from 'react';
import { formatMoney, parseMoney, penceToInput } from '../../../../shared/money';
import { api } from '../../api';
import type { SummaryError } from '../../components/ErrorSummary';
import { MoneyField } from '../../components/TextField';
import { useResult } from '../../hooks/useResult';
import { errorFor, summaryErrors } from './refusal';

// The office's variation threshold (`grants threshold --amount` on the command line): a change to
// a grant's amount up to it is recorded as a variation, a bigger one needs a new signed decision.
// One figure for the whole office, set by a lead officer.

const FIELD = 'threshold-thresholdPence';

export function ThresholdForm(props: {
  onSaved: (message: string) => void;
  errors: SummaryError[];
  setErrors: (errors: SummaryError[]) => void;
}) {
  const [threshold, reload] = useResult(() => api.grants.threshold(), 'grants-threshold');
  if (threshold.state !== 'ready') return null;
  return (
    <ThresholdFields
      key={threshold.value.thresholdPence}
      thresholdPence={threshold.value.thresholdPence}
      {...props}
      onSaved={(message) => {
        reload();
        props.onSaved(message);
      }}
    />
  );
}

function ThresholdFields(props: {
  thresholdPence: number;
  onSaved: (message: string) => void;
  errors: SummaryError[];
  setErrors: (errors: SummaryError[]) => void;
}) {
  const [amount, setAmount] = useState(penceToInput(props.thresholdPence));
  const save = async () => {
    const money = parseMoney(amount);
    if (!money.ok) return props.setErrors([{ fieldId: FIELD, message: money.reason }]);
    const result = await api.grants.setThreshold({ thresholdPence: money.pence });
    if (!result.ok)
      return props.setErrors(summaryErrors(result.error, 'threshold', ['thresholdPence'], 'thresholdPence'));
    props.setErrors([]);
    props.onSaved(`The office's variation threshold is ${formatMoney(result.value.thresholdPence)}.`);
  };
  return (
    <form
      aria-labelledby="threshold-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="threshold-title" className="heading-m">
        Variation threshold
      </h2>
      <p className="hint">
        A change to a grant&apos;s amount of up to this much is recorded on the grant&apos;s page as a
        variation. A bigger change needs a new decision signed by the commissioner: a superseding notice. It
        applies to every round; £0 means every change needs a decision.
      </p>
      <MoneyField
        id={FIELD}
        label="The office's threshold"
        value={amount}
        onChange={setAmount}
        error={errorFor(props.errors, FIELD)}
      />
      <button type="submit" className="button">
        Save the threshold
      </button>
    </form>
  );
}
