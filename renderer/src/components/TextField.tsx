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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      id={id}
      name={id}
      className={`input input--${width}${error ? ' input--error' : ''}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      {...rest}
    />
  );
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      {prefix ? (
        <div className="input-wrapper">
          <span className="input-prefix" aria-hidden="true">
            {prefix}
          </span>
          {input}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

/** A sum of money in pounds: a £ before the box, a keypad for figures, the box sized for money. */
export function MoneyField(props: Omit<TextFieldProps, 'prefix' | 'width' | 'inputMode'>) {
  return <TextField prefix="£" width="medium" inputMode="decimal" {...props} />;
}
