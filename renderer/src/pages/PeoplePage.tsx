import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/people';
import { api } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { PeopleHistory } from '../components/PeopleHistory';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';
import { useProfile } from '../profile-context';
import { ApprovePerson } from './people/ApprovePerson';

// The office's people, for lead officers: add someone, change a role, retire someone. The sitting
// commissioner approves every commissioner and lead officer here. Who you are yourself is the
// profile page's; nobody becomes someone else here, and nobody sets another person's passphrase:
// a new person gets a one-time enrolment code, shown once, to choose their own.

type Listed = Output<'people:list'>[number];
type FieldError = { fieldId: string; message: string };

const role = (r: Role) => ROLE_LABELS[r].toLowerCase();

/** Change one person's role, or retire them, after choosing them in the table. */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function PersonActions({
  person,
  action,
  onDone,
  onError,
  onCancel,
}: {
  person: Listed;
  action: 'role' | 'retire';
  onDone: (message: string) => void;
  onError: (error: FieldError) => void;
  onCancel: () => void;
}) {
  const [newRole, setNewRole] = useState<Role>(person.role);
  const changeRole = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.people.setRole({ personId: person.id, role: newRole });
    if (!result.ok) return onError({ fieldId: 'change-role', message: result.error.message });
    onDone(
      result.value.pending
        ? `${result.value.name} is to be a ${role(result.value.role)} once the commissioner approves it.`
        : `${result.value.name} is now a ${role(result.value.role)}.`,
    );
  };
  const retire = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.people.retire({ personId: person.id });
    if (!result.ok) return onError({ fieldId: 'retire-confirm', message: result.error.message });
    onDone(
      `${result.value.name} is retired: they can no longer act in Tranche. Their past work stays in the record.`,
    );
  };
  if (action === 'role')
    return (
      <form
        className="form inset"
        noValidate
        onSubmit={(e) => void changeRole(e)}
        aria-label={`Change ${person.name}'s role`}
      >
        <h2 className="heading-s">Change {person.name}&apos;s role</h2>
        <div className="form-group">
          <label className="label" htmlFor="change-role">
            New role
          </label>
          <select
            id="change-role"
            className="select"
            value={newRole}
            onChange={(e) => setNewRole(e.target.value as Role)}
            autoFocus
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="button-group">
          <button type="submit" className="button">
            Change role
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <form
      className="form inset"
      noValidate
      onSubmit={(e) => void retire(e)}
      aria-label={`Retire ${person.name}`}
    >
      <h2 className="heading-s">Retire {person.name}?</h2>
      <p className="body">
        {person.name} will no longer be able to act in Tranche or be assigned bids to assess. Everything they
        have done stays in the record and its history. This cannot be undone here.
      </p>
      <div className="button-group">
        <button id="retire-confirm" type="submit" className="button button--warning">
          Retire {person.name}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The status cell: retired, waiting for the commissioner's approval, or active. */
function Status({ person }: { person: Listed }) {
  if (person.retiredAt)
    return <strong className="tag tag--grey">Retired {formatDate(person.retiredAt)}</strong>;
  if (person.pending)
    return (
      <>
        <strong className="tag tag--yellow">Waiting for approval</strong>{' '}
        <span className="hint">
          {person.roleBefore
            ? `Acts as ${role(person.roleBefore)} until the commissioner approves`
            : 'Cannot act until the commissioner approves'}
        </span>
      </>
    );
  return <strong className="tag tag--green">Active</strong>;
}

/** The one-time enrolment code, shown once after adding someone. */
function CodePanel({ code, onClose }: { code: { name: string; code: string }; onClose: () => void }) {
  return (
    <section className="enrolment-code" aria-labelledby="enrolment-code-heading">
      <h2 className="heading-s" id="enrolment-code-heading">
        Enrolment code for {code.name}
      </h2>
      <p className="enrolment-code__code" data-testid="enrolment-code">
        {code.code}
      </p>
      <p className="body">
        It is shown only now. Give it to {code.name} in person or by phone, never by email. They choose their
        own passphrase with it the first time they choose their profile; the code then stops working.
      </p>
      <button type="button" className="button button--secondary" onClick={onClose}>
        I have noted the code
      </button>
    </section>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function PeoplePage() {
  const { me, reload: reloadMe } = useProfile();
  const [people, reload] = useResult(() => api.people.list(), 'people');
  const [error, setError] = useState<FieldError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState<{ name: string; code: string } | null>(null);
  const [chosen, setChosen] = useState<{ id: number; action: 'role' | 'retire' } | null>(null);
  const [approving, setApproving] = useState<number | null>(null);
  const lead = me.state === 'ready' && me.value?.role === 'lead_officer';
  const commissioner = me.state === 'ready' && me.value?.role === 'commissioner';

  const done = (text: string, issued?: { name: string; code: string }) => {
    setError(null);
    setMessage(text);
    setCode(issued ?? null);
    setChosen(null);
    reload();
    reloadMe();
  };
  const choose = (id: number, action: 'role' | 'retire') => {
    setError(null);
    setMessage(null);
    setChosen({ id, action });
  };

  const list = people.state === 'ready' ? people.value : [];
  const chosenPerson = list.find((p) => p.id === chosen?.id);
  const approvingPerson = list.find((p) => p.id === approving && p.pending);
  return (
    <Page title="People">
      <p className="body">
        Everyone who uses Tranche in this office, with their role and the fingerprint of the key that signs
        what they do.{' '}
        {lead
          ? 'As a lead officer you add people, change their roles and retire those who leave.'
          : 'A lead officer adds people, changes their roles and retires those who leave.'}{' '}
        A retired person stays in the record but can no longer act. A new commissioner or lead officer waits
        until the sitting commissioner approves them
        {commissioner ? ': as the commissioner, you approve them here' : ''}.
      </p>
      {message && <Banner kind="success">{message}</Banner>}
      {code && <CodePanel code={code} onClose={() => setCode(null)} />}
      <ErrorSummary errors={error ? [error] : []} />
      {people.state === 'failed' && <LoadFailure message={people.error.message} />}
      {people.state === 'ready' && (
        <table className="table">
          <caption className="visually-hidden">People in this office</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Key fingerprint</th>
              <th scope="col">Status</th>
              {(lead || commissioner) && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{ROLE_LABELS[p.role]}</td>
                <td>{p.fingerprint ? <code>{p.fingerprint.slice(0, 19)}…</code> : 'Not enrolled yet'}</td>
                <td>
                  <Status person={p} />
                </td>
                {commissioner && (
                  <td>
                    {p.pending && !p.retiredAt && !p.fingerprint && (
                      <span className="secondary">Approve once they have chosen their passphrase</span>
                    )}
                    {p.pending && !p.retiredAt && p.fingerprint && (
                      <button
                        id={`approve-${p.id}`}
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setError(null);
                          setMessage(null);
                          setApproving(p.id);
                        }}
                        aria-label={`Approve ${p.name} as ${role(p.role)}`}
                      >
                        Approve as {role(p.role)}
                      </button>
                    )}
                  </td>
                )}
                {lead && (
                  <td>
                    {p.sittingCommissioner && (
                      <span className="secondary">Leaves office by handing over to a new commissioner</span>
                    )}
                    {!p.retiredAt && !p.sittingCommissioner && (
                      <span className="row-actions">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => choose(p.id, 'role')}
                          aria-label={`Change role: ${p.name}`}
                        >
                          Change role
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => choose(p.id, 'retire')}
                          aria-label={`Retire: ${p.name}`}
                        >
                          Retire
                        </button>
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lead && chosen && chosenPerson && (
        <PersonActions
          key={`${chosen.id}:${chosen.action}`}
          person={chosenPerson}
          action={chosen.action}
          onDone={done}
          onError={setError}
          onCancel={() => setChosen(null)}
        />
      )}
      {commissioner && approvingPerson?.fingerprint && (
        <ApprovePerson
          key={approvingPerson.id}
          person={{ ...approvingPerson, fingerprint: approvingPerson.fingerprint }}
          onDone={(text) => {
            setApproving(null);
            done(text);
          }}
          onError={setError}
          onCancel={() => setApproving(null)}
        />
      )}
      {lead && people.state === 'ready' && <AddPerson people={list} onDone={done} onError={setError} />}
      {(lead || commissioner) && <PeopleHistory refreshKey={message ?? ''} />}
    </Page>
  );
}

/**
 * A lead officer adds people with their role, and gives those not yet enrolled a new code. Nobody
 * here sets anyone's passphrase: the code shown lets the person choose their own.
 */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function AddPerson({
  people,
  onDone,
  onError,
}: {
  people: Listed[];
  onDone: (message: string, code?: { name: string; code: string }) => void;
  onError: (error: { fieldId: string; message: string }) => void;
}) {
  const [name, setName] = useState('');
  const [newRole, setNewRole] = useState<Role>('policy_officer');
  const [enrolId, setEnrolId] = useState('');
  const unenrolled = people.filter((p) => !p.fingerprint && !p.retiredAt);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!enrolId && !name.trim()) return onError({ fieldId: 'person-name', message: 'Enter their name' });
    const result = enrolId
      ? await api.people.newCode({ personId: Number(enrolId) })
      : await api.people.add({ name, role: newRole });
    if (!result.ok) return onError({ fieldId: 'person-name', message: result.error.message });
    setName('');
    setEnrolId('');
    const waits = result.value.pending ? ' They can act as that once the commissioner approves.' : '';
    onDone(
      enrolId
        ? `${result.value.name} has a new enrolment code; any earlier one no longer works.`
        : `Added ${result.value.name} as ${role(result.value.role)}.${waits}`,
      result.value.enrolmentCode ? { name: result.value.name, code: result.value.enrolmentCode } : undefined,
    );
  };

  return (
    <>
      <h2 className="heading-m">Add a person</h2>
      <form className="form" noValidate onSubmit={(e) => void add(e)}>
        {unenrolled.length > 0 && (
          <div className="form-group">
            <label className="label" htmlFor="person-enrol">
              Someone already listed who has not chosen a passphrase
            </label>
            <select
              id="person-enrol"
              className="select"
              value={enrolId}
              onChange={(e) => {
                setEnrolId(e.target.value);
                const person = unenrolled.find((p) => String(p.id) === e.target.value);
                if (person) setName(person.name);
              }}
            >
              <option value="">No: a new person</option>
              {unenrolled.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField id="person-name" label="Their name" value={name} onChange={setName} width="medium" />
        <div className="form-group">
          <label className="label" htmlFor="person-role">
            Their role
          </label>
          <select
            id="person-role"
            className="select"
            value={newRole}
            disabled={enrolId !== ''}
            onChange={(e) => setNewRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">
          Tranche shows a one-time enrolment code for them. A commissioner or lead officer waits for the
          sitting commissioner&apos;s approval.
        </p>
        <button type="submit" className="button">
          {enrolId ? 'Give them a new enrolment code' : 'Add this person'}
        </button>
      </form>
    </>
  );
}
