import { useState } from 'react';
import type { NoticeData } from '../../../shared/notice-data';
import { api } from '../api';
import { Banner, LoadFailure } from './Page';
import { TextField } from './TextField';

const FIELDS = [
  ['contactOfficer', 'officer', 'Contact officer', 'name'],
  ['telephone', 'telephone', 'Telephone', 'tel'],
  ['email', 'email', 'Email', 'email'],
] as const;

/**
 * The notice prints a contact officer, telephone and email from the office's settings. Where any is
 * blank, the notice page asks for them here, before the notice goes for sign-off with gaps in it.
 */
export function NoticeContact({
  contact,
  canEdit,
  onSaved,
}: {
  contact: NoticeData['contact'];
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [values, setValues] = useState({
    contactOfficer: contact.officer,
    telephone: contact.telephone,
    email: contact.email,
  });
  const [error, setError] = useState<string | null>(null);
  const missing = FIELDS.filter(([, key]) => !contact[key].trim()).map(([, , label]) => label.toLowerCase());
  if (missing.length === 0) return null;

  const save = async () => {
    const office = await api.office.get();
    if (!office.ok) return setError(office.error.message);
    const result = await api.office.set({ ...office.value, ...values });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved();
  };

  return (
    <section className="inset" aria-labelledby="notice-contact-title">
      <h2 id="notice-contact-title" className="heading-s">
        Contact details for the notice
      </h2>
      <Banner kind="important">
        The notice has no {missing.join(', ').replace(/, ([^,]*)$/, ' or $1')}: it would print blank.
      </Banner>
      {!canEdit && <p className="hint">A lead officer fills these in, here or on About and data.</p>}
      {canEdit && (
        <>
          {FIELDS.map(([field, , label, autoComplete]) => (
            <TextField
              key={field}
              id={`notice-${field}`}
              label={label}
              width="medium"
              autoComplete={autoComplete}
              value={values[field]}
              onChange={(v) => setValues((x) => ({ ...x, [field]: v }))}
            />
          ))}
          {error && <LoadFailure message={error} />}
          <button type="button" className="button button--secondary" onClick={() => void save()}>
            Save contact details
          </button>
        </>
      )}
    </section>
  );
}
