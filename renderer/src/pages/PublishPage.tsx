import { useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { DateField } from '../components/DateField';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { FormGroup } from '../components/FormGroup';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { saveFile } from '../files';
import { useResult } from '../hooks/useResult';

type File = { fileName: string; mediaType: string; dataBase64: string };

/** A refusal's field issues as the error summary lists them, each linked to its field. */
function summaryOf(result: Result<File>, fieldIds: Record<string, string>, fallback: string): SummaryError[] {
  if (result.ok) return [];
  const issues = result.error.issues ?? [];
  if (issues.length === 0) return [{ fieldId: fallback, message: result.error.message }];
  return issues.map((issue) => ({ fieldId: fieldIds[issue.path] ?? fallback, message: issue.message }));
}

function RegisterForm({ onSaved }: { onSaved: (message: string) => void }) {
  const [values, setValues] = useState({ from: '', to: '', format: 'xlsx' as 'csv' | 'xlsx' });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: SummaryError[] = [];
    if (!values.from) found.push({ fieldId: 'register-from', message: 'Enter the first day of the period' });
    if (!values.to) found.push({ fieldId: 'register-to', message: 'Enter the last day of the period' });
    setErrors(found);
    if (found.length > 0) return;
    const result = await api.publish.register(values);
    const problems = summaryOf(result, { from: 'register-from', to: 'register-to' }, 'register-from');
    setErrors(problems);
    if (!result.ok) return;
    saveFile(result.value);
    onSaved(`${result.value.fileName} is downloaded.`);
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title" className="heading-m">
        Register of grants
      </h2>
      <p className="body">
        What the Specified Information Order 2011 asks a commissioner to publish: one row per grant in the
        decisions signed in a period, with its recipient, amount, conditions, purpose and the reasons it will
        reduce crime and disorder.
      </p>
      <ErrorSummary errors={errors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <DateField
          id="register-from"
          label="Signed from"
          value={values.from}
          error={errorFor('register-from')}
          onChange={(from) => setValues((v) => ({ ...v, from }))}
        />
        <DateField
          id="register-to"
          label="Signed to"
          value={values.to}
          error={errorFor('register-to')}
          onChange={(to) => setValues((v) => ({ ...v, to }))}
        />
        <fieldset className="fieldset">
          <legend className="label">File</legend>
          {(['xlsx', 'csv'] as const).map((format) => (
            <div className="checkbox" key={format}>
              <input
                type="radio"
                id={`register-${format}`}
                name="register-format"
                checked={values.format === format}
                onChange={() => setValues((v) => ({ ...v, format }))}
              />
              <label htmlFor={`register-${format}`}>
                {format === 'xlsx' ? 'Excel workbook (.xlsx)' : 'CSV (.csv), for the website'}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Download the register
        </button>
      </form>
    </section>
  );
}

const ORG_ID_HINT =
  'From org-id.guide: the list code and the number it gives, like GB-CHC-1234567. ' +
  'Kept under About and data, it is filled in here';

function ThreeSixtyGivingForm({ onSaved }: { onSaved: (message: string) => void }) {
  const [office] = useResult(() => api.office.get(), 'office');
  if (office.state === 'loading') return null;
  // The form starts from the org-id the office keeps (About and data), when it keeps one.
  return (
    <ThreeSixtyGivingFields
      keptOrgId={office.state === 'ready' ? office.value.orgId : ''}
      onSaved={onSaved}
    />
  );
}

type GivingProps = { keptOrgId: string | undefined; onSaved: (message: string) => void };

function ThreeSixtyGivingFields({ keptOrgId, onSaved }: GivingProps) {
  const [rounds] = useResult(() => api.rounds.list({ includeArchived: true }), 'rounds-for-publishing');
  const [values, setValues] = useState({ roundId: '', orgId: keptOrgId ?? '' });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const signed = rounds.state === 'ready' ? rounds.value.filter((r) => r.stage === 'signed') : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: SummaryError[] = [];
    if (!values.roundId) found.push({ fieldId: 'giving-round', message: 'Choose a signed round' });
    if (!values.orgId.trim()) found.push({ fieldId: 'giving-org-id', message: "Enter the office's org-id" });
    setErrors(found);
    if (found.length > 0) return;
    const result = await api.publish.threeSixtyGiving({
      roundId: Number(values.roundId),
      orgId: values.orgId,
    });
    setErrors(summaryOf(result, { orgId: 'giving-org-id', roundId: 'giving-round' }, 'giving-round'));
    if (!result.ok) return;
    saveFile(result.value);
    onSaved(`${result.value.fileName} is downloaded.`);
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const roundError = errorFor('giving-round');
  return (
    <section aria-labelledby="giving-title">
      <h2 id="giving-title" className="heading-m">
        360Giving data for a round
      </h2>
      <p className="body">
        A signed round&apos;s awards in the 360Giving Data Standard, the open format grant makers publish in.
        Grant ids are built from the office&apos;s org-id. Partnerships have no register number here, so each
        gets a 360Giving id of its own: &ldquo;360G-&rdquo;, the org-id and its name.
      </p>
      {rounds.state === 'failed' && <LoadFailure message={rounds.error.message} />}
      <ErrorSummary errors={errors} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormGroup id="giving-round" label="Signed round" error={roundError}>
          {(field) => (
            <select
              {...field}
              className="select"
              value={values.roundId}
              onChange={(e) => setValues((v) => ({ ...v, roundId: e.target.value }))}
            >
              <option value="">
                {signed.length > 0 ? 'Choose a signed round' : 'No round is signed yet'}
              </option>
              {signed.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.fund}: {r.name}
                </option>
              ))}
            </select>
          )}
        </FormGroup>
        <TextField
          id="giving-org-id"
          label="The office's org-id"
          hint={ORG_ID_HINT}
          value={values.orgId}
          error={errorFor('giving-org-id')}
          onChange={(orgId) => setValues((v) => ({ ...v, orgId }))}
          width="medium"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          Download 360Giving JSON
        </button>
      </form>
    </section>
  );
}

/** What the office publishes about its grants: the register for a period, 360Giving for a round. */
export function PublishPage() {
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Page title="Publishing">
      {saved && <Banner kind="success">{saved}</Banner>}
      <RegisterForm onSaved={setSaved} />
      <ThreeSixtyGivingForm onSaved={setSaved} />
    </Page>
  );
}
