import { useState } from 'react';

// A date entered as day, month and year in three boxes (the GOV.UK date input pattern), so it is
// read and written en-GB whatever the browser's locale; the browser's own date picker follows the
// system locale and shows mm/dd/yyyy on many machines. The value is an ISO date (YYYY-MM-DD), ''
// when all three boxes are empty, or what was typed when incomplete (which validation refuses).

const PARTS = [
  ['day', 'Day', 2],
  ['month', 'Month', 2],
  ['year', 'Year', 4],
] as const;

type Parts = Record<(typeof PARTS)[number][0], string>;

function split(value: string): Parts {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso
    ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] ?? '' }
    : { day: '', month: '', year: '' };
}

function join(parts: Parts): string {
  const { day, month, year } = parts;
  if (!day.trim() && !month.trim() && !year.trim()) return '';
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year))
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `${day}/${month}/${year}`;
}

export function DateField({
  id,
  label,
  hint = 'For example, 5 11 2013',
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const [parts, setParts] = useState<Parts>(() => split(value));
  const update = (key: keyof Parts, text: string) => {
    const next = { ...parts, [key]: text.trim() };
    setParts(next);
    onChange(join(next));
  };
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset
        className="fieldset"
        role="group"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        <legend className="label">{label}</legend>
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
        {error && (
          <p id={`${id}-error`} className="error-message">
            {error}
          </p>
        )}
        <div className="date-input">
          {PARTS.map(([key, name, size]) => (
            <div className="date-input__item" key={key}>
              <label className="label label--small" htmlFor={key === 'day' ? id : `${id}-${key}`}>
                {name}
              </label>
              <input
                id={key === 'day' ? id : `${id}-${key}`}
                className={`input date-input__${key}${error ? ' input--error' : ''}`}
                inputMode="numeric"
                maxLength={size}
                value={parts[key]}
                onChange={(e) => update(key, e.target.value)}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
