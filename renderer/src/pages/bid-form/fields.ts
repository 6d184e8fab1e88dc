import type { BidFormErrors, BidFormValues } from '../../forms/bid-form';

/** What each group of the bid form's fields is given: the values, their errors, and a setter per field. */
export type FieldsProps = {
  values: BidFormValues;
  errors: BidFormErrors;
  set: (field: keyof BidFormValues) => (value: string) => void;
};
