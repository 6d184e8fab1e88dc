import { FormGroup } from './FormGroup';
import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'prefix'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  prefix?: string;
  value: string;
  onChange: (value: string) => void;
  width?: 'full' | 'medium' | 'short';
}

export function TextField({
  id,
  label,
  hint,
  error,
  prefix,
  value,
  onChange,
  width = 'full',
  ...rest
}: TextFieldProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(field, invalid) => {
        const input = (
          <input
            {...field}
            name={id}
            className={`input input--${width}${invalid ? ' input--error' : ''}`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            {...rest}
          />
        );
        return prefix ? (
          <div className="input-wrapper">
            <span className="input-prefix" aria-hidden="true">
              {prefix}
            </span>
            {input}
          </div>
        ) : (
          input
        );
      }}
    </FormGroup>
  );
}

/** A sum of money in pounds: a £ before the box, a keypad for figures, the box sized for money. */
export function MoneyField(props: Omit<TextFieldProps, 'prefix' | 'width' | 'inputMode'>) {
  return <TextField prefix="£" width="medium" inputMode="decimal" {...props} />;
}
