import { useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/people';
import { api } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { TextField } from '../components/TextField';
import { useResult } from '../hooks/useResult';
import { useProfile } from '../profile-context';

export function ProfilePage() {
  const { me, reload } = useProfile();
  const [people, reloadPeople] = useResult(() => api.people.list(), 'people');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('policy_officer');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const choose = async (personId: number) => {
    const result = await api.people.setProfile({ personId });
    if (!result.ok) return setError(result.error.message);
    setMessage(
      `You are using Tranche as ${result.value.name}, ${ROLE_LABELS[result.value.role].toLowerCase()}.`,
    );
    reload();
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Enter your name');
    const result = await api.people.setProfile({ name, role });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setName('');
    setMessage(`Profile created: ${result.value.name}, ${ROLE_LABELS[result.value.role].toLowerCase()}.`);
    reload();
    reloadPeople();
  };

  return (
    <Page title="Your profile">
      <p className="body">
        Tranche records who scores, moderates and signs, and lets each role do only its own part: officers
        score, a lead officer sets frameworks and moderates, board members review, the commissioner signs.
      </p>
      {message && <Banner kind="success">{message}</Banner>}
      <ErrorSummary errors={error ? [{ fieldId: 'profile-name', message: error }] : []} />
      {me.state === 'ready' && me.value && (
        <p>
          You are <strong>{me.value.name}</strong>, {ROLE_LABELS[me.value.role].toLowerCase()}.
        </p>
      )}
      {people.state === 'failed' && <LoadFailure message={people.error.message} />}
      {people.state === 'ready' && people.value.length > 0 && (
        <>
          <h2 className="heading-m">Choose who you are</h2>
          <table className="table">
            <caption className="visually-hidden">People in this office</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.value.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{ROLE_LABELS[p.role]}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void choose(p.id)}>
                      This is me<span className="visually-hidden">: {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2 className="heading-m">Or create your profile</h2>
      <form className="form" noValidate onSubmit={(e) => void create(e)}>
        <TextField
          id="profile-name"
          label="Your name"
          value={name}
          onChange={setName}
          autoComplete="name"
          width="medium"
        />
        <div className="form-group">
          <label className="label" htmlFor="profile-role">
            Your role
          </label>
          <select
            id="profile-role"
            className="select"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Save profile
        </button>
      </form>
    </Page>
  );
}
