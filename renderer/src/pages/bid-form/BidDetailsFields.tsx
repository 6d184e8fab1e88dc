import { FormGroup } from '../../components/FormGroup';
import { TextField } from '../../components/TextField';
import { bidFieldId as fieldId } from './edits';
import type { FieldsProps } from './fields';

/** The bid's reference, partnership (suggesting the office's), project and summary. */
export function BidDetailsFields({
  values,
  errors,
  set,
  partnerships,
}: FieldsProps & { partnerships: string[] }) {
  return (
    <>
      <TextField
        id={fieldId('ref')}
        label="Reference"
        hint="As the schedule numbers it, for example S1, SS4 or SSF4-02"
        value={values.ref}
        onChange={set('ref')}
        error={errors.ref}
        width="short"
        autoComplete="off"
      />
      <TextField
        id={fieldId('partnership')}
        label="Partnership"
        hint="Any name the partnership goes by is matched to it"
        value={values.partnership}
        onChange={set('partnership')}
        error={errors.partnership}
        list="partnership-options"
        width="medium"
        autoComplete="off"
      />
      <datalist id="partnership-options">
        {partnerships.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <TextField
        id={fieldId('title')}
        label="Project"
        value={values.title}
        onChange={set('title')}
        error={errors.title}
        autoComplete="off"
      />
      <FormGroup id={fieldId('summary')} label="Summary (optional)" error={errors.summary}>
        {(field, invalid) => (
          <textarea
            {...field}
            className={`input${invalid ? ' input--error' : ''}`}
            rows={4}
            value={values.summary}
            onChange={(e) => set('summary')(e.target.value)}
          />
        )}
      </FormGroup>
    </>
  );
}
