import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { FormGroup } from '../components/FormGroup';
import { checkNew, NewPassphrase } from '../components/NewPassphrase';
import { Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { readFileAsBase64 } from '../files';
import { setFlash } from '../flash';
import { PACK_ACCEPT } from '../packs/pack-file';
import { useProfile } from '../profile-context';
import { useRounds } from '../rounds-context';

// Opening a pack from the office: on a new installation this is how an assessor, board member or
// commissioner starts (their person, key and passphrase are made from it); later, each new pack
// updates their copy of the round. The main process checks everything; this form only asks.

const FILE = 'open-file';
const CODE = 'open-code';
const PASSPHRASE = 'open-passphrase';

/** Where a refusal belongs on this form, by the input field the channel named. */
const FIELD_OF: Record<string, string> = {
  bytesBase64: FILE,
  enrolmentCode: CODE,
  newPassphrase: PASSPHRASE,
};

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function OpenPackPage() {
  const { session, reload } = useProfile();
  const rounds = useRounds();
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const firstRun = session.state === 'ready' && session.value.setup === 'empty';
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  const open = async (event: FormEvent) => {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (!file) problems.push({ fieldId: FILE, message: 'Choose the pack file your office sent you' });
    if (firstRun && !code.trim())
      problems.push({ fieldId: CODE, message: 'Enter the enrolment code your office gave you' });
    const weak = firstRun ? checkNew(passphrase, again) : null;
    if (weak) problems.push({ fieldId: PASSPHRASE, message: weak });
    if (problems.length > 0 || !file) return setErrors(problems);
    setBusy(true);
    const result = await api.packs.open({
      bytesBase64: await readFileAsBase64(file),
      ...(code.trim() ? { enrolmentCode: code.trim() } : {}),
      ...(firstRun ? { newPassphrase: passphrase } : {}),
    });
    setBusy(false);
    setPassphrase('');
    setAgain('');
    if (!result.ok) {
      const issues = result.error.issues ?? [];
      const fieldId = FIELD_OF[issues[0]?.path ?? ''] ?? FILE;
      return setErrors([{ fieldId, message: result.error.message }]);
    }
    setErrors([]);
    const { from, roundId, alreadyOpened } = result.value;
    setFlash(
      alreadyOpened
        ? `This pack from ${from.name} was opened before: nothing changed.`
        : `Pack from ${from.name} opened (key fingerprint ${from.fingerprint.slice(0, 19)}…).`,
    );
    reload();
    rounds.reload();
    navigate(`/rounds/${roundId}`);
  };

  return (
    <Page title={firstRun ? 'Open a pack from your office' : 'Open a pack'}>
      <p className="body">
        {firstRun
          ? 'Your office sent you a pack (a .tranche file) and gave you an enrolment code by phone or in ' +
            'person. Opening it sets up Tranche on this laptop for you, with a passphrase you choose now, ' +
            'and shows you the round to work on.'
          : 'A later pack from your office updates your copy of its round. Open it as the person it is for.'}
      </p>
      <ErrorSummary errors={errors} />
      <form className="form" noValidate onSubmit={(e) => void open(e)}>
        <FormGroup
          id={FILE}
          label="Pack file"
          hint="The .tranche file your office sent you"
          error={errorOf(FILE)}
        >
          {(field) => (
            <input
              {...field}
              type="file"
              accept={PACK_ACCEPT}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormGroup>
        <TextField
          id={CODE}
          label={firstRun ? 'Enrolment code' : 'Enrolment code (only for a first pack)'}
          hint="Twelve letters and digits, like ABCD-EFGH-JKLM"
          value={code}
          onChange={setCode}
          error={errorOf(CODE)}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        {firstRun && (
          <NewPassphrase
            id={PASSPHRASE}
            label="Choose your passphrase"
            value={passphrase}
            confirm={again}
            onChange={setPassphrase}
            onConfirm={setAgain}
            error={errorOf(PASSPHRASE)}
          />
        )}
        <button type="submit" className="button" disabled={busy}>
          Open the pack
        </button>
      </form>
      {firstRun && (
        <p className="body">
          Setting up an office instead? <Link href="/profile">Create the first person, a lead officer</Link>.
        </p>
      )}
    </Page>
  );
}
