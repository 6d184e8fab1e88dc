import { useState } from 'react';
import { financialYearOf } from '../../../../shared/dates';
import { formatMoney, parseMoney, penceToInput } from '../../../../shared/money';
import { api } from '../../api';
import { MoneyField, TextField } from '../../components/TextField';
import type { GrantFormProps } from './form-props';
import { NotOffered } from './NotOffered';
import { errorFor } from './refusal';
import { nextYear, type Row, scheduleErrors, scheduleFieldId as id } from './schedule-rows';

// A grant's payment schedule: its money per financial year, which cannot be carried over into the
// next (`grants schedule` on the command line). Until one is set the award is claimed quarterly in
// arrears across the grant's life. The handler checks the years add up to the award.

export function ScheduleSection(
  props: GrantFormProps & {
    /** Why the schedule form is not offered (null: it is). */
    whyNotSet: string | null;
    open: boolean;
  },
) {
  const { grant } = props;
  // A variation changes the award but not the years, so the two can part: the handler sums and
  // compares them (grants:get), so this page and `grants show` state the same figures.
  const total = grant.scheduleTotal;
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="heading-m">
        Payment schedule
      </h2>
      {grant.years.length === 0 ? (
        <p className="body">
          No schedule is set: the award of {formatMoney(grant.awardedPence)} is claimed quarterly in arrears
          over the life of the grant.
        </p>
      ) : (
        <table className="table">
          <caption className="table__caption visually-hidden">Payment schedule of grant {grant.ref}</caption>
          <thead>
            <tr>
              <th scope="col">Financial year</th>
              <th scope="col" className="numeric">
                Allocation
              </th>
              <th scope="col" className="numeric">
                Claimed
              </th>
              <th scope="col" className="numeric">
                Left in the year
              </th>
            </tr>
          </thead>
          <tbody>
            {grant.years.map((y) => (
              <tr key={y.financialYear}>
                <td>{y.financialYear}</td>
                <td className="numeric">{formatMoney(y.allocationPence)}</td>
                <td className="numeric">{formatMoney(y.claimedPence)}</td>
                <td className="numeric">{formatMoney(y.allocationPence - y.claimedPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total && !total.addsUp && (
        <div className="inset" role="note" aria-label="The schedule no longer matches the award">
          <p className="body">
            {`The schedule adds up to ${formatMoney(total.scheduledPence)} but the award is now ` +
              `${formatMoney(total.awardedPence)}: claims stay within each year's money and the award, ` +
              'so set the schedule again.'}
          </p>
        </div>
      )}
      {props.open &&
        (props.whyNotSet === null ? (
          <ScheduleForm key={JSON.stringify(grant.years) + grant.awardedPence} {...props} />
        ) : (
          <NotOffered why={props.whyNotSet} />
        ))}
    </section>
  );
}

// long-function: a form read top to bottom as it appears; its rows share this state
function ScheduleForm(props: GrantFormProps) {
  const { grant, errors, setErrors } = props;
  const [rows, setRows] = useState<Row[]>(() =>
    grant.years.length > 0
      ? grant.years.map((y, key) => ({
          key,
          financialYear: y.financialYear,
          amount: penceToInput(y.allocationPence),
        }))
      : [
          {
            key: 0,
            financialYear: financialYearOf(grant.awardedOn),
            amount: penceToInput(grant.awardedPence),
          },
        ],
  );
  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const save = async () => {
    const parsed = rows.map((r) => parseMoney(r.amount));
    const bad = parsed.flatMap((p, i) =>
      p.ok
        ? []
        : [{ fieldId: id(i, 'allocationPence'), message: `${rows[i]?.financialYear ?? ''}: ${p.reason}` }],
    );
    if (bad.length > 0) return setErrors(bad);
    const result = await api.grants.schedule({
      roundId: props.roundId,
      bidRef: grant.ref,
      years: rows.map((r, i) => ({
        financialYear: r.financialYear.trim(),
        allocationPence: parsed[i]?.ok ? parsed[i].pence : 0,
      })),
    });
    if (!result.ok)
      return setErrors(
        scheduleErrors(
          result.error.issues?.length ? result.error.issues : [{ path: '', message: result.error.message }],
        ),
      );
    setErrors([]);
    props.onSaved(`Grant ${grant.ref} is paid by the schedule: ${rows.length} financial year(s).`);
  };
  return (
    <form
      aria-labelledby="schedule-set-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="schedule-set-title" className="heading-s">
        Set the schedule
      </h3>
      <p className="hint">
        Give each financial year its share of the award ({formatMoney(grant.awardedPence)} in all). Money a
        year does not claim by 31 March cannot be carried over into the next.
      </p>
      {rows.map((r, i) => (
        <fieldset className="fieldset schedule-row" key={r.key}>
          <legend className="visually-hidden">Year {i + 1}</legend>
          <TextField
            id={id(i, 'financialYear')}
            label={`Financial year ${i + 1}`}
            hint="Like 2026-27"
            width="short"
            value={r.financialYear}
            onChange={(financialYear) => change(r.key, { financialYear })}
            error={errorFor(errors, id(i, 'financialYear'))}
          />
          <MoneyField
            id={id(i, 'allocationPence')}
            label={`Money in year ${i + 1}`}
            value={r.amount}
            onChange={(amount) => change(r.key, { amount })}
            error={errorFor(errors, id(i, 'allocationPence'))}
          />
          {rows.length > 1 && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
            >
              Remove<span className="visually-hidden"> year {i + 1}</span>
            </button>
          )}
        </fieldset>
      ))}
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setRows((all) => [
              ...all,
              {
                key: Math.max(...all.map((x) => x.key)) + 1,
                financialYear: nextYear(all.at(-1)),
                amount: '',
              },
            ])
          }
        >
          Add another year
        </button>
        <button type="submit" className="button">
          Save the schedule
        </button>
      </div>
    </form>
  );
}
