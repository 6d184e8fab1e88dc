import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DEMO_PASSPHRASE, ROLE_LABELS, type Role } from '../../../shared/people';
import { api } from '../api';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { newPassphraseErrors, NewPassphrase } from '../components/NewPassphrase';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';
import { useProfile } from '../profile-context';

const role = (r: Role) => ROLE_LABELS[r].toLowerCase();
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function ProfilePage() {
  const { me, session, reload } = useProfile();
  const [people, reloadPeople] = useResult(() => api.people.list(), 'people');
  const [chosen, setChosen] = useState<number | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  // Every problem with what was typed, each linked from the error summary to its field (GOV.UK).
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const setError = (error: SummaryError | null) => setErrors(error ? [error] : []);
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const [message, setMessage] = useState<string | null>(null);

  const done = (text: string) => {
    setError(null);
    setMessage(text);
    setPassphrase('');
    setAgain('');
    setCode('');
    setChosen(null);
    reload();
    reloadPeople();
  };

  const setup = session.state === 'ready' ? session.value.setup : 'ready';
  const claiming = setup === 'claim';
  const chosenPerson = people.state === 'ready' ? people.value.find((p) => p.id === chosen) : undefined;
  // First use of a profile someone added: the person enrols with their code and chooses a passphrase.
  const enrolling = !claiming && chosenPerson !== undefined && !chosenPerson.fingerprint;

  const enrol = async () => {
    if (!chosenPerson) return;
    const problems = [
      ...(code.trim() ? [] : [{ fieldId: 'enrol-code', message: 'Enter the enrolment code you were given' }]),
      ...newPassphraseErrors('unlock-passphrase', passphrase, again),
    ];
    if (problems.length > 0) return setErrors(problems);
    const enrolled = await api.people.enrol({ personId: chosenPerson.id, enrolmentCode: code, passphrase });
    if (!enrolled.ok) {
      const field = enrolled.error.issues?.some((i) => i.path === 'passphrase')
        ? 'unlock-passphrase'
        : 'enrol-code';
      return setError({ fieldId: field, message: enrolled.error.message });
    }
    if (enrolled.value.pending && !enrolled.value.roleBefore)
      return done(
        `You chose your passphrase, ${enrolled.value.name}. Your key's fingerprint is ` +
          `${enrolled.value.fingerprint ?? ''}: the commissioner compares it with the one they approve. ` +
          `You can use Tranche as ${role(enrolled.value.role)} once the commissioner approves you.`,
      );
    const result = await api.people.setProfile({ personId: chosenPerson.id, passphrase });
    if (!result.ok) return setError({ fieldId: 'unlock-passphrase', message: result.error.message });
    done(
      `You chose your passphrase and are using Tranche as ${result.value.name}, ${role(result.value.role)}.`,
    );
  };

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosenPerson) return;
    if (enrolling) return enrol();
    // Claiming a person without a key yet: the passphrase is being chosen, typed twice.
    if (claiming && !chosenPerson.fingerprint) {
      const problems = newPassphraseErrors('unlock-passphrase', passphrase, again);
      if (problems.length > 0) return setErrors(problems);
    }
    const result = await api.people.setProfile({ personId: chosenPerson.id, passphrase });
    if (!result.ok) return setError({ fieldId: 'unlock-passphrase', message: result.error.message });
    done(`You are using Tranche as ${result.value.name}, ${role(result.value.role)}.`);
  };

  // Who is at this computer: offered when nobody is acting, and under "Someone else using this
  // computer?" when someone is. Always with that person's own passphrase.
  const chooser = people.state === 'ready' && (
    <>
      {claiming && (
        <p className="body">
          Nobody has a passphrase yet (this database was made before Tranche had them). A lead officer sets
          theirs first, here; they then give everyone else an enrolment code to choose their own.
        </p>
      )}
      <table className="table">
        <caption className="visually-hidden">People in this office</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Key fingerprint</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.value
            .filter((p) => !p.retiredAt)
            .map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{ROLE_LABELS[p.role]}</td>
                <td>{p.fingerprint ? <code>{p.fingerprint.slice(0, 19)}…</code> : 'Not enrolled yet'}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setChosen(p.id);
                      setError(null);
                      setPassphrase('');
                      setAgain('');
                      setCode('');
                    }}
                  >
                    This is me<span className="visually-hidden">: {p.name}</span>
                  </button>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {chosenPerson && (
        <form className="form" noValidate onSubmit={(e) => void unlock(e)}>
          {enrolling && (
            <>
              <p className="body">
                This is your first time here, {chosenPerson.name}. Enter the enrolment code the lead officer
                gave you, then choose your own passphrase. Nobody else ever sets or learns it.
              </p>
              <TextField
                id="enrol-code"
                label="Enrolment code"
                hint="Twelve letters and digits, like ABCD-EFGH-JKLM"
                value={code}
                onChange={setCode}
                error={errorFor('enrol-code')}
                autoComplete="off"
                width="medium"
                autoFocus
              />
            </>
          )}
          {(claiming || enrolling) && !chosenPerson.fingerprint ? (
            <NewPassphrase
              id="unlock-passphrase"
              label={enrolling ? 'Choose your passphrase' : `Choose a passphrase for ${chosenPerson.name}`}
              value={passphrase}
              confirm={again}
              onChange={setPassphrase}
              onConfirm={setAgain}
              error={errorFor('unlock-passphrase')}
              confirmError={errorFor('unlock-passphrase-again')}
            />
          ) : (
            <TextField
              id="unlock-passphrase"
              label={`Passphrase for ${chosenPerson.name}`}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={setPassphrase}
              width="medium"
              error={errorFor('unlock-passphrase')}
              autoFocus
            />
          )}
          <button type="submit" className="button">
            {enrolling ? 'Choose my passphrase' : 'Continue'}
          </button>
        </form>
      )}
    </>
  );

  const createFirst = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(name.trim() ? [] : [{ fieldId: 'first-name', message: 'Enter your name' }]),
      ...newPassphraseErrors('first-passphrase', passphrase, again),
    ];
    if (problems.length > 0) return setErrors(problems);
    const result = await api.people.setProfile({ name, passphrase });
    if (!result.ok) return setError({ fieldId: 'first-name', message: result.error.message });
    setName('');
    done(
      `Profile created: ${result.value.name}, ${role(result.value.role)}. You can now add the office's people.`,
    );
  };

  const lock = async () => {
    await api.people.lock();
    setMessage(null);
    reload();
  };

  const current = me.state === 'ready' ? me.value : null;
  return (
    <Page title="Your profile">
      <p className="body">
        Tranche records who scores, moderates and signs, and lets each role do only its own part: officers
        score, a lead officer sets frameworks, moderates and adds people, board members review, the
        commissioner signs. Acting as someone needs their passphrase, and Tranche locks after{' '}
        {session.state === 'ready' ? session.value.idleLockMinutes : 15} minutes without use.
      </p>
      {message && <Banner kind="success">{message}</Banner>}
      <ErrorSummary errors={errors} />
      {session.state === 'failed' && <LoadFailure message={session.error.message} />}
      {current && (
        <>
          <h2 className="heading-m">Who you are</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>Name</dt>
              <dd>{current.name}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Role</dt>
              <dd>{ROLE_LABELS[current.role]}</dd>
            </div>
            <div className="summary-list__row">
              <dt>Key fingerprint</dt>
              <dd>
                {session.state === 'ready' && session.value.fingerprint ? (
                  <code className="fingerprint">{session.value.fingerprint}</code>
                ) : (
                  'No key yet'
                )}
              </dd>
            </div>
          </dl>
          {current.role === 'lead_officer' && (
            <p className="body">
              To add people, change their roles or retire them, go to <Link href="/people">People</Link>.
            </p>
          )}
          <button type="button" className="button button--secondary" onClick={() => void lock()}>
            Lock Tranche now
          </button>
        </>
      )}

      {setup === 'empty' && (
        <>
          <div className="inset">
            <p className="body">
              Not setting up an office? If your office sent you a pack (a .tranche file) with an enrolment
              code, <Link href="/open-pack">open a pack from your office</Link> instead: it sets you up from
              it.
            </p>
          </div>
          <h2 className="heading-m">Create the first person: a lead officer</h2>
          <p className="body">
            Nobody is set up yet. The first person is the office's lead officer, who then adds everyone else
            with their roles. (To look around first, load the demonstration data into a database of its own:
            every demonstration person's passphrase is <code>{DEMO_PASSPHRASE}</code>.)
          </p>
          <form className="form" noValidate onSubmit={(e) => void createFirst(e)}>
            <TextField
              id="first-name"
              label="Your name"
              value={name}
              onChange={setName}
              autoComplete="name"
              width="medium"
              error={errorFor('first-name')}
            />
            <NewPassphrase
              id="first-passphrase"
              label="Choose your passphrase"
              value={passphrase}
              confirm={again}
              onChange={setPassphrase}
              onConfirm={setAgain}
              error={errorFor('first-passphrase')}
              confirmError={errorFor('first-passphrase-again')}
            />
            <button type="submit" className="button">
              Create my profile
            </button>
          </form>
        </>
      )}

      {people.state === 'failed' && <LoadFailure message={people.error.message} />}
      {setup !== 'empty' && people.state === 'ready' && people.value.length > 0 && !current && (
        <>
          <h2 className="heading-m">Choose who you are</h2>
          {chooser}
        </>
      )}
      {setup !== 'empty' && people.state === 'ready' && current && (
        <details className="details">
          <summary>Someone else using this computer?</summary>
          <p className="body">They choose themselves here and give their own passphrase.</p>
          {chooser}
        </details>
      )}
      {current && <ChangePassphrase onDone={done} errors={errors} onErrors={setErrors} />}
    </Page>
  );
}

function ChangePassphrase({
  onDone,
  errors,
  onErrors,
}: {
  onDone: (message: string) => void;
  errors: SummaryError[];
  onErrors: (errors: SummaryError[]) => void;
}) {
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [again, setAgain] = useState('');
  const change = async (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(currentPassphrase
        ? []
        : [{ fieldId: 'current-passphrase', message: 'Enter your current passphrase' }]),
      ...newPassphraseErrors('new-passphrase', newPassphrase, again),
    ];
    if (problems.length > 0) return onErrors(problems);
    const result = await api.people.passphrase({ currentPassphrase, newPassphrase });
    if (!result.ok) return onErrors([{ fieldId: 'current-passphrase', message: result.error.message }]);
    setCurrent('');
    setNew('');
    setAgain('');
    onDone('Your passphrase is changed. Your key, and its fingerprint, stay the same.');
  };
  return (
    <>
      <h2 className="heading-m">Change your passphrase</h2>
      <form className="form" noValidate onSubmit={(e) => void change(e)}>
        <TextField
          id="current-passphrase"
          label="Your current passphrase"
          type="password"
          autoComplete="current-password"
          value={currentPassphrase}
          onChange={setCurrent}
          width="medium"
          error={errorFor('current-passphrase')}
        />
        <NewPassphrase
          id="new-passphrase"
          label="Your new passphrase"
          value={newPassphrase}
          confirm={again}
          onChange={setNew}
          onConfirm={setAgain}
          error={errorFor('new-passphrase')}
          confirmError={errorFor('new-passphrase-again')}
        />
        <button type="submit" className="button button--secondary">
          Change my passphrase
        </button>
      </form>
    </>
  );
}
