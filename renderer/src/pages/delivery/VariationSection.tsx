import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../../../../shared/dates';
import { variationChange, type GrantDetail } from '../../../../shared/grants';
import { formatMoney, parseMoney, penceToInput } from '../../../../shared/money';
import { api } from '../../api';
import { MoneyField, TextField } from '../../components/TextField';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';
import { errorFor, summaryErrors } from './refusal';

// Changing a grant's amount after the decision (`grants vary` on the command line). A change within
// the threshold the office sets is recorded here as a variation; a bigger one is a new decision,
// signed by the commissioner through a superseding notice (`notice supersede`). The page says which
// before it is sent; the handler decides.

const FIELDS = ['amountPence', 'reason'];
const id = (field: string) => `variation-${field}`;

export function VariationSection(
  props: GrantFormProps & {
    thresholdPence: number | null;
    /** Why the variation form is not offered (null: it is). */
    whyNotVary: string | null;
    open: boolean;
  },
) {
  const { grant, thresholdPence } = props;
  const offered = props.open && props.whyNotVary === null;
  if (grant.variations.length === 0 && !(props.open && props.whyNotVary !== '')) return null;
  return (
    <section aria-labelledby="variation-title">
      <h2 id="variation-title" className="heading-m">
        Variations
      </h2>
      {grant.variations.length === 0 ? (
        <p className="body">The award has not been varied.</p>
      ) : (
        <table className="table">
          <caption className="table__caption visually-hidden">Variations of grant {grant.ref}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="numeric">
                From
              </th>
              <th scope="col" className="numeric">
                To
              </th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {grant.variations.map((v) => (
              <tr key={v.at}>
                <td>{formatDate(v.at)}</td>
                <td className="numeric">{formatMoney(v.fromPence)}</td>
                <td className="numeric">{formatMoney(v.toPence)}</td>
                <td>{v.reason}</td>
                <td>{v.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.open && <NotOffered why={props.whyNotVary} />}
      {offered && thresholdPence !== null && (
        <VariationForm key={grant.awardedPence} {...props} thresholdPence={thresholdPence} />
      )}
    </section>
  );
}

/** What the office's threshold means for this grant, in a sentence. */
function thresholdRule(grant: GrantDetail, thresholdPence: number): string {
  return thresholdPence === 0
    ? 'The office has set no threshold for variations (a lead officer sets it on the delivery page), so every ' +
        'change to the amount needs a new signed decision.'
    : `A change of up to ${formatMoney(thresholdPence)} (the office's threshold) to the award, now ` +
        `${formatMoney(grant.awardedPence)}, is recorded here. A bigger change needs a new signed decision.`;
}

// long-function: a form read top to bottom as it appears; its fields and the threshold's warning share this state
function VariationForm(
  props: GrantFormProps & {
    thresholdPence: number;
  },
) {
  const { grant, thresholdPence, errors, setErrors } = props;
  const [amount, setAmount] = useState(penceToInput(grant.awardedPence));
  const [reason, setReason] = useState('');
  const money = parseMoney(amount);
  const { changePence: change, needsDecision } = money.ok
    ? variationChange(grant.awardedPence, money.pence, thresholdPence)
    : { changePence: 0, needsDecision: false };
  const save = async () => {
    if (!money.ok) return setErrors([{ fieldId: id('amountPence'), message: money.reason }]);
    const result = await api.grants.vary({
      roundId: props.roundId,
      bidRef: grant.ref,
      amountPence: money.pence,
      reason,
    });
    if (!result.ok) return setErrors(summaryErrors(result.error, 'variation', FIELDS, 'amountPence'));
    setErrors([]);
    props.onSaved(
      `Grant ${grant.ref} is varied from ${formatMoney(grant.awardedPence)} to ${formatMoney(money.pence)}.`,
    );
  };
  return (
    <form
      aria-labelledby="variation-set-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="variation-set-title" className="heading-s">
        Vary the amount
      </h3>
      <p className="hint">{thresholdRule(grant, thresholdPence)}</p>
      <MoneyField
        id={id('amountPence')}
        label="New amount of the grant"
        value={amount}
        onChange={setAmount}
        error={errorFor(errors, id('amountPence'))}
      />
      {needsDecision && (
        <div className="inset" id={id('decision')} role="note" aria-label="A new decision is needed">
          <p className="body">
            A change of {formatMoney(change)} is above the office&apos;s threshold of{' '}
            {formatMoney(thresholdPence)}, so it cannot be recorded as a variation: it needs a new signed
            decision.
          </p>
          <p className="body">
            A lead officer drafts a superseding notice on the{' '}
            <Link href={`/rounds/${props.roundId}/notice`}>decision page</Link> and changes this grant&apos;s
            allocation; the commissioner signs it, and the grant follows the new decision. On the command
            line: <code>notice supersede --round {props.roundId}</code>.
          </p>
        </div>
      )}
      <TextField
        id={id('reason')}
        label="Reason for the variation"
        value={reason}
        onChange={setReason}
        error={errorFor(errors, id('reason'))}
      />
      <button type="submit" className="button">
        Record the variation
      </button>
    </form>
  );
}
