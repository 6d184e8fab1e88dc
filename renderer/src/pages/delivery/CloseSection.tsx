import { useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { api } from '../../api';
import { FormGroup } from '../../components/FormGroup';
import { MoneyField } from '../../components/TextField';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';
import { errorFor, summaryErrors } from './refusal';

// Closing a grant records its final report and any money the recipient pays back (`grants close` on
// the command line); money clawed back marks the grant clawed back. A closed grant shows both.

const FIELDS = ['finalReport', 'clawbackPence'];
const id = (field: string) => `close-${field}`;

export function CloseSection(
  props: GrantFormProps & {
    /** Why the closing form is not offered (null: it is). */
    whyNotClose: string | null;
    open: boolean;
  },
) {
  const { grant } = props;
  if (!props.open)
    return (
      <section aria-labelledby="close-title">
        <h2 id="close-title" className="heading-m">
          Final report
        </h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Closed</dt>
            <dd>{grant.closedOn ? formatDate(grant.closedOn) : 'Yes'}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Clawed back</dt>
            <dd>{grant.clawbackPence ? formatMoney(grant.clawbackPence) : 'Nothing'}</dd>
          </div>
        </dl>
        <p className="body prose">{grant.finalReport}</p>
      </section>
    );
  if (props.whyNotClose === '') return null;
  if (props.whyNotClose !== null)
    return (
      <section aria-labelledby="close-title">
        <h2 id="close-title" className="heading-m">
          Close the grant
        </h2>
        <NotOffered why={props.whyNotClose} />
      </section>
    );
  return <CloseForm {...props} />;
}

// long-function: a form read top to bottom as it appears; its fields share this state
function CloseForm(props: GrantFormProps) {
  const { grant, errors, setErrors } = props;
  const [finalReport, setFinalReport] = useState('');
  const [clawback, setClawback] = useState('');
  const save = async () => {
    const money = clawback.trim() ? parseMoney(clawback) : null;
    if (money && !money.ok) return setErrors([{ fieldId: id('clawbackPence'), message: money.reason }]);
    const result = await api.grants.close({
      roundId: props.roundId,
      bidRef: grant.ref,
      finalReport,
      ...(money?.ok ? { clawbackPence: money.pence } : {}),
    });
    if (!result.ok) return setErrors(summaryErrors(result.error, 'close', FIELDS, 'finalReport'));
    setErrors([]);
    const back = result.value.clawbackPence;
    props.onSaved(
      back
        ? `Grant ${grant.ref} is closed and ${formatMoney(back)} is clawed back.`
        : `Grant ${grant.ref} is closed with its final report.`,
    );
  };
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title" className="heading-m">
        Close the grant
      </h2>
      <form
        aria-labelledby="close-title"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="hint">
          Closing records the final report; no claim, return or variation can be recorded after it.
          {grant.claimedPence > 0 &&
            ` ${formatMoney(grant.claimedPence)} is claimed and not yet approved: it must be approved first.`}
        </p>
        <FormGroup
          id={id('finalReport')}
          label="Final report"
          hint="What the grant delivered against its purpose, and how the money was spent"
          error={errorFor(errors, id('finalReport'))}
        >
          {(field, invalid) => (
            <textarea
              {...field}
              className={`input${invalid ? ' input--error' : ''}`}
              rows={5}
              value={finalReport}
              onChange={(e) => setFinalReport(e.target.value)}
            />
          )}
        </FormGroup>
        <MoneyField
          id={id('clawbackPence')}
          label="Money clawed back (optional)"
          hint={`What the recipient pays back; at most the ${formatMoney(grant.paidPence)} paid. Empty if none.`}
          value={clawback}
          onChange={setClawback}
          error={errorFor(errors, id('clawbackPence'))}
        />
        <button type="submit" className="button">
          Close the grant
        </button>
      </form>
    </section>
  );
}
