import { useState } from 'react';
import { formatDate } from '../../../../shared/dates';
import { whyNotSecondPerson } from '../../../../shared/may-act';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { api } from '../../api';
import { MoneyField, TextField } from '../../components/TextField';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';
import { errorFor, summaryErrors } from './refusal';

// A grant's claims: recorded by one person, approved (and so paid) by another. The page offers the
// approval only to someone the rule book lets approve and who did not record the claim.

const FIELDS = ['amountPence', 'period', 'matchPence'];
const id = (field: string) => `claim-${field}`;

export function ClaimsSection(
  props: GrantFormProps & {
    me: string | null;
    /** Why recording a claim, and approving one, are not offered (null: they are). */
    whyNotAdd: string | null;
    whyNotApprove: string | null;
  },
) {
  const { grant } = props;
  const { setErrors } = props;
  const approve = async (claimId: number) => {
    const result = await api.claims.approve({ roundId: props.roundId, claimId });
    if (!result.ok) return setErrors([{ message: result.error.message }]);
    setErrors([]);
    props.onSaved(`Claim ${claimId} approved: it is paid.`);
  };
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title" className="heading-m">
        Claims
      </h2>
      {grant.claims.length === 0 ? (
        <p className="body">No claims yet.</p>
      ) : (
        <table className="table">
          <caption className="table__caption visually-hidden">Claims on grant {grant.ref}</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Period</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">Recorded</th>
              <th scope="col">Payment</th>
            </tr>
          </thead>
          <tbody>
            {grant.claims.map((c) => {
              const notYou = whyNotSecondPerson('claims:approve', props.me, c.recordedBy);
              return (
                <tr key={c.id}>
                  <td>Claim {c.id}</td>
                  <td>{c.period}</td>
                  <td className="numeric">{formatMoney(c.amountPence)}</td>
                  <td>
                    {c.recordedBy}
                    <div className="hint">{formatDate(c.recordedAt)}</div>
                  </td>
                  <td>
                    {c.status === 'paid' ? (
                      `Paid: approved by ${c.approvedBy ?? ''} on ${formatDate(c.approvedAt ?? '')}`
                    ) : props.whyNotApprove !== null ? (
                      'Awaiting approval'
                    ) : notYou ? (
                      <span className="hint">{notYou}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void approve(c.id)}
                      >
                        Approve claim {c.id}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {grant.claims.some((c) => c.status === 'recorded') && <NotOffered why={props.whyNotApprove} />}
      {props.whyNotAdd === null ? <ClaimForm {...props} /> : <NotOffered why={props.whyNotAdd} />}
    </section>
  );
}

/** Recording a claim: the amount, the quarter it is for, and any match funding spent in it. */
function ClaimForm(props: GrantFormProps) {
  const { grant, errors, setErrors } = props;
  const [amount, setAmount] = useState('');
  const [period, setPeriod] = useState('');
  const [match, setMatch] = useState('');
  const add = async () => {
    const money = parseMoney(amount);
    if (!money.ok) return setErrors([{ fieldId: id('amountPence'), message: money.reason }]);
    const matchMoney = match.trim() ? parseMoney(match) : null;
    if (matchMoney && !matchMoney.ok)
      return setErrors([{ fieldId: id('matchPence'), message: matchMoney.reason }]);
    const result = await api.claims.add({
      roundId: props.roundId,
      bidRef: grant.ref,
      amountPence: money.pence,
      period,
      ...(matchMoney?.ok ? { matchPence: matchMoney.pence } : {}),
    });
    if (!result.ok) return setErrors(summaryErrors(result.error, 'claim', FIELDS, 'amountPence'));
    setErrors([]);
    setAmount('');
    setPeriod('');
    setMatch('');
    props.onSaved(
      `Claim ${result.value.id} for ${formatMoney(money.pence)} recorded: another person approves it.`,
    );
  };
  return (
    <form
      aria-labelledby="claim-add-title"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h3 id="claim-add-title" className="heading-s">
        Record a claim
      </h3>
      <MoneyField
        id={id('amountPence')}
        label="Amount claimed"
        value={amount}
        onChange={setAmount}
        error={errorFor(errors, id('amountPence'))}
      />
      <TextField
        id={id('period')}
        label="Period"
        hint="The financial quarter it is for, like 2026-27-Q1"
        width="medium"
        value={period}
        onChange={setPeriod}
        error={errorFor(errors, id('period'))}
      />
      <MoneyField
        id={id('matchPence')}
        label="Match funding spent in the quarter (optional)"
        hint="Needed where the grant was awarded with match funding; £0 if none was spent"
        value={match}
        onChange={setMatch}
        error={errorFor(errors, id('matchPence'))}
      />
      <button type="submit" className="button">
        Record the claim
      </button>
    </form>
  );
}
