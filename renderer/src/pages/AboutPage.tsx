import { useState } from 'react';
import type { OfficeSettings } from '../../../shared/notices';
import { api } from '../api';
import { Banner } from '../components/Page';
import { TextField } from '../components/TextField';
import { LoadFailure, Page } from '../components/Page';
import { useResult } from '../hooks/useResult';

function OfficeForm({ initial }: { initial: OfficeSettings }) {
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const result = await api.office.set(values);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage('Office details saved. New notices use them.');
  };
  const field = (key: keyof OfficeSettings, label: string, hint?: string) => (
    <TextField
      id={`office-${key}`}
      label={label}
      hint={hint}
      value={values[key] ?? ''}
      onChange={(v) => setValues((x) => ({ ...x, [key]: v }))}
      width="medium"
    />
  );
  return (
    <section aria-labelledby="office-title">
      <h2 id="office-title" className="heading-m">
        Office details for decision notices
      </h2>
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {field('contactOfficer', 'Contact officer')}
      {field('telephone', 'Telephone')}
      {field('email', 'Email')}
      {field('numberPrefix', 'Decision number prefix (optional)', 'Put before NNN/YYYY on every notice')}
      {field(
        'orgId',
        "The office's 360Giving org-id (optional)",
        'From org-id.guide, like GB-CHC-1234567: 360Giving data for a round is published under it',
      )}
      <button type="button" className="button" onClick={() => void save()}>
        Save office details
      </button>
    </section>
  );
}

export function AboutPage() {
  const [office] = useResult(() => api.office.get(), 'office');
  const [info] = useResult(() => api.app.info(), 'app-info');
  return (
    <Page title="About and data">
      <p className="body">
        Tranche keeps every round, bid, score and decision in one database file on this computer. Back it up
        with the rest of your documents.
      </p>
      {info.state === 'failed' && <LoadFailure message={info.error.message} />}
      {info.state === 'ready' && (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Database file</dt>
            <dd>
              <code>{info.value.databaseFile}</code>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>Tranche version</dt>
            <dd>{info.value.version}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Database migrations applied</dt>
            <dd>{info.value.schemaVersion}</dd>
          </div>
        </dl>
      )}
      {office.state === 'ready' && <OfficeForm initial={office.value} />}
    </Page>
  );
}
