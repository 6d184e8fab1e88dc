import { useState } from 'react';
import { FRAUD_RISKS } from '../../../../shared/grants';
import { api } from '../../api';
import { FormGroup } from '../../components/FormGroup';
import { TextField } from '../../components/TextField';
import type { GrantFormProps } from './form-props';
import { errorFor, summaryErrors } from './refusal';

// Due diligence before the first payment (GovS 015): the recipient's bank details confirmed, the
// accountable body, any conflicts, and a fraud risk rating with its reason. The handler decides.

const FIELDS = ['bankConfirmed', 'accountableBody', 'conflicts', 'fraudRisk', 'reason'];
const id = (field: string) => `diligence-${field}`;

// long-function: a form read top to bottom as it appears; its fields share this state
export function DiligenceForm(props: GrantFormProps) {
  const d = props.grant.diligence;
  const [bankConfirmed, setBankConfirmed] = useState(d.bankConfirmed);
  const [accountableBody, setAccountableBody] = useState(d.accountableBody ?? '');
  const [conflicts, setConflicts] = useState(d.conflicts ?? '');
  const [fraudRisk, setFraudRisk] = useState<string>(d.fraudRisk ?? '');
  const [reason, setReason] = useState(d.reason ?? '');
  const { errors, setErrors } = props;
  const save = async () => {
    const result = await api.grants.diligence({
      roundId: props.roundId,
      bidRef: props.grant.ref,
      bankConfirmed,
      accountableBody,
      ...(conflicts.trim() ? { conflicts } : {}),
      fraudRisk: fraudRisk as (typeof FRAUD_RISKS)[number],
      reason,
    });
    if (!result.ok) return setErrors(summaryErrors(result.error, 'diligence', FIELDS, 'accountableBody'));
    setErrors([]);
    props.onSaved(`Due diligence recorded on grant ${props.grant.ref}.`);
  };
  return (
    <form
      aria-labelledby="diligence-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="diligence-title" className="heading-m">
        Due diligence
      </h2>
      <div className="form-group">
        <div className="checkbox">
          <input
            id={id('bankConfirmed')}
            type="checkbox"
            checked={bankConfirmed}
            onChange={(e) => setBankConfirmed(e.target.checked)}
          />
          <label htmlFor={id('bankConfirmed')}>The recipient&apos;s bank details are confirmed</label>
        </div>
      </div>
      <TextField
        id={id('accountableBody')}
        label="Accountable body"
        value={accountableBody}
        onChange={setAccountableBody}
        error={errorFor(errors, id('accountableBody'))}
      />
      <TextField
        id={id('conflicts')}
        label="Conflicts of interest (optional)"
        value={conflicts}
        onChange={setConflicts}
        error={errorFor(errors, id('conflicts'))}
      />
      <FormGroup id={id('fraudRisk')} label="Fraud risk" error={errorFor(errors, id('fraudRisk'))}>
        {(field) => (
          <select
            {...field}
            className="select"
            value={fraudRisk}
            onChange={(e) => setFraudRisk(e.target.value)}
          >
            <option value="">Choose a rating</option>
            {FRAUD_RISKS.map((r) => (
              <option key={r} value={r}>
                {r[0]?.toUpperCase()}
                {r.slice(1)}
              </option>
            ))}
          </select>
        )}
      </FormGroup>
      <TextField
        id={id('reason')}
        label="Reason for the fraud risk rating"
        value={reason}
        onChange={setReason}
        error={errorFor(errors, id('reason'))}
      />
      <button type="submit" className="button">
        Record due diligence
      </button>
    </form>
  );
}
