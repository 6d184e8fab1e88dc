import { TextField } from '../../components/TextField';
import { bidFieldId as fieldId } from './edits';
import type { FieldsProps } from './fields';

/** What the bid asks for, what it could be reduced to and by cutting what, and its stated total. */
export function BidMoneyFields({ values, errors, set }: FieldsProps) {
  return (
    <>
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
    </>
  );
}
