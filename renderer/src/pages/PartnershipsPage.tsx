import { useState, type FormEvent } from 'react';
import { whyNotAllowed } from '../../../shared/may-act';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';
import { useMe } from '../profile-context';

/**
 * The office's Community Safety Partnerships (`partnerships list` and `partnerships add`): a notice
 * names those of the office's that made no bid, so the office keeps the list here.
 */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function PartnershipsPage() {
  const me = useMe();
  const [list, reload] = useResult(() => api.partnerships.list(), 'partnerships');
  const [values, setValues] = useState({ name: '', area: '' });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const notAllowed = whyNotAllowed('partnerships:add', me?.role ?? null, null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) return setErrors([{ fieldId: 'partnership-name', message: 'Enter the name' }]);
    const result = await api.partnerships.add({ name: values.name, area: values.area });
    if (!result.ok) {
      const issue = result.error.issues?.[0];
      const fieldId = issue?.path === 'area' ? 'partnership-area' : 'partnership-name';
      return setErrors([{ fieldId, message: issue?.message ?? result.error.message }]);
    }
    setErrors([]);
    setSaved(`${result.value.name} is one of the office's partnerships.`);
    setValues({ name: '', area: '' });
    reload();
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <Page title="Partnerships">
      <p className="body">
        The Community Safety Partnerships that bid for the office&apos;s funds. A notice of decision names the
        office&apos;s partnerships that made no bid; others are known only from the bids they made.
      </p>
      {saved && <Banner kind="success">{saved}</Banner>}
      {list.state === 'failed' && <LoadFailure message={list.error.message} />}
      {list.state === 'ready' && list.value.length === 0 && <p className="secondary">No partnerships yet.</p>}
      {list.state === 'ready' && list.value.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Partnerships</caption>
          <thead>
            <tr>
              <th scope="col">Partnership</th>
              <th scope="col">Area</th>
              <th scope="col">The office&apos;s</th>
              <th scope="col" className="numeric">
                Bids
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {p.aliases.length > 0 && (
                    <div className="hint partnership-aliases">Also written {p.aliases.join(', ')}</div>
                  )}
                </th>
                <td>{p.area ?? ''}</td>
                <td>{p.office ? 'Yes' : 'No'}</td>
                <td className="numeric">{p.bidCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="heading-m">Add a partnership</h2>
      {notAllowed ? (
        <p className="body">{notAllowed}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form className="form" noValidate onSubmit={(e) => void submit(e)}>
            <TextField
              id="partnership-name"
              label="Name"
              hint="As the office writes it, for example Wolverhampton Community Safety Partnership"
              value={values.name}
              onChange={(name) => setValues((v) => ({ ...v, name }))}
              error={errorFor('partnership-name')}
              autoComplete="off"
            />
            <TextField
              id="partnership-area"
              label="Area (optional)"
              hint="The local authority area it covers"
              value={values.area}
              onChange={(area) => setValues((v) => ({ ...v, area }))}
              error={errorFor('partnership-area')}
              width="medium"
              autoComplete="off"
            />
            <button type="submit" className="button">
              Add partnership
            </button>
          </form>
        </>
      )}
    </Page>
  );
}
