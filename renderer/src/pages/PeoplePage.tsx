import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/people';
import { api } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { checkNew, NewPassphrase } from '../components/NewPassphrase';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';
import { useProfile } from '../profile-context';

// The office's people, for lead officers: add someone, change a role, retire someone. Who you are
// yourself is the profile page's; nobody becomes someone else here (that needs their passphrase).

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
    onDone(`${result.value.name} is now a ${role(result.value.role)}.`);
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

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function PeoplePage() {
  const { me, reload: reloadMe } = useProfile();
  const [people, reload] = useResult(() => api.people.list(), 'people');
  const [error, setError] = useState<FieldError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ id: number; action: 'role' | 'retire' } | null>(null);
  const lead = me.state === 'ready' && me.value?.role === 'lead_officer';

  const done = (text: string) => {
    setError(null);
    setMessage(text);
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
  return (
    <Page title="People">
      <p className="body">
        Everyone who uses Tranche in this office, with their role and the fingerprint of the key that signs
        what they do.{' '}
        {lead
          ? 'As a lead officer you add people, change their roles and retire those who leave.'
          : 'A lead officer adds people, changes their roles and retires those who leave.'}{' '}
        A retired person stays in the record but can no longer act.
      </p>
      {message && <Banner kind="success">{message}</Banner>}
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
              {lead && (
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
                <td>{p.fingerprint ? <code>{p.fingerprint.slice(0, 19)}…</code> : 'No passphrase yet'}</td>
                <td>
                  {p.retiredAt ? (
                    <strong className="tag tag--grey">Retired {formatDate(p.retiredAt)}</strong>
                  ) : (
                    <strong className="tag tag--green">Active</strong>
                  )}
                </td>
                {lead && (
                  <td>
                    {!p.retiredAt && (
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
      {lead && people.state === 'ready' && <AddPerson people={list} onDone={done} onError={setError} />}
    </Page>
  );
}

/** A lead officer adds people with their role and first passphrase, and enrols older ones. */
// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
function AddPerson({
  people,
  onDone,
  onError,
}: {
  people: Listed[];
  onDone: (message: string) => void;
  onError: (error: { fieldId: string; message: string }) => void;
}) {
  const [name, setName] = useState('');
  const [newRole, setNewRole] = useState<Role>('policy_officer');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [enrolId, setEnrolId] = useState('');
  const unenrolled = people.filter((p) => !p.fingerprint);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return onError({ fieldId: 'person-name', message: 'Enter their name' });
    const problem = checkNew(passphrase, again);
    if (problem) return onError({ fieldId: 'person-passphrase', message: problem });
    const result = enrolId
      ? await api.people.enrol({ personId: Number(enrolId), passphrase })
      : await api.people.add({ name, role: newRole, passphrase });
    if (!result.ok) return onError({ fieldId: 'person-name', message: result.error.message });
    setName('');
    setPassphrase('');
    setAgain('');
    setEnrolId('');
    onDone(
      `${result.value.name} (${role(result.value.role)}) can now use Tranche with the passphrase you set; ` +
        'they should change it on their profile page.',
    );
  };

  return (
    <>
      <h2 className="heading-m">Add a person</h2>
      <form className="form" noValidate onSubmit={(e) => void add(e)}>
        {unenrolled.length > 0 && (
          <div className="form-group">
            <label className="label" htmlFor="person-enrol">
              Someone already listed without a passphrase
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
        <NewPassphrase
          id="person-passphrase"
          label="Their first passphrase"
          value={passphrase}
          confirm={again}
          onChange={setPassphrase}
          onConfirm={setAgain}
        />
        <button type="submit" className="button">
          {enrolId ? 'Set their first passphrase' : 'Add this person'}
        </button>
      </form>
    </>
  );
}
