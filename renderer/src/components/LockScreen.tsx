import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { SessionInfo } from '../../../shared/people';
import { api } from '../api';
import { ErrorSummary } from './ErrorSummary';
import { Page } from './Page';
import { TextField } from './TextField';

/**
 * Shown in place of every page once the session has locked (after the idle time, or by hand): the
 * main process has already forgotten the unlocked key, so nothing can be done until the passphrase
 * is given again.
 */
export function LockScreen({ session, onUnlocked }: { session: SessionInfo; onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const person = session.person;
  if (!person) return null;
  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.people.setProfile({ personId: person.id, passphrase });
    setPassphrase('');
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onUnlocked();
  };
  return (
    <Page title="Tranche is locked">
      <p className="body">
        {session.lockedBy === 'idle'
          ? `Tranche locked itself after ${session.idleLockMinutes} minutes without use.`
          : 'Tranche was locked.'}{' '}
        Give {person.name}&rsquo;s passphrase to carry on.
      </p>
      <ErrorSummary errors={error ? [{ fieldId: 'lock-passphrase', message: error }] : []} />
      <form className="form" noValidate onSubmit={(e) => void unlock(e)}>
        <TextField
          id="lock-passphrase"
          label={`Passphrase for ${person.name}`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          width="medium"
          autoFocus
        />
        <button type="submit" className="button">
          Unlock
        </button>
      </form>
      <p className="body">
        Not {person.name}? <Link href="/profile">Choose your own profile</Link>.
      </p>
    </Page>
  );
}
