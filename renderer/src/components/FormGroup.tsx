import type { ReactNode } from 'react';

/** What a form group gives its control: its id, and the hint and error that describe it. */
export interface FieldWiring {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormGroupProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The refusal to show beside the field; several lines (a file's bad cells) each on their own line. */
  error?: string | readonly string[];
  /** The control, given the wiring to spread on it and whether it is in error (for its red border). */
  children: (field: FieldWiring, invalid: boolean) => ReactNode;
}

/**
 * The GOV.UK form group: the label, the hint, the error message beside the field (the error summary's
 * link lands on the control, whose id it is), and the control described by both.
 */
export function FormGroup({ id, label, hint, error, children }: FormGroupProps) {
  const lines = error === undefined ? [] : typeof error === 'string' ? [error] : error;
  const invalid = lines.length > 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = invalid ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const field: FieldWiring = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={`form-group${invalid ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {invalid && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error:</span>{' '}
          {lines.length === 1
            ? lines[0]
            : lines.map((line) => (
                <span key={line} className="error-message__line">
                  {line}
                </span>
              ))}
        </p>
      )}
      {children(field, invalid)}
    </div>
  );
}
