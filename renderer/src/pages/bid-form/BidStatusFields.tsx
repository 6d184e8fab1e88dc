import { BID_STATUS_LABELS, BID_STATUSES } from '../../../../shared/bids';
import { TextField } from '../../components/TextField';
import { asksStatusReason, bidFieldId as fieldId } from './edits';
import type { FieldsProps } from './fields';

/** The bid's status, the reason for it when one is needed, and its duration. */
export function BidStatusFields({ values, errors, set }: FieldsProps) {
  return (
    <>
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
      {asksStatusReason(values) && (
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
    </>
  );
}
