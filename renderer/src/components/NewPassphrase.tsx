import { MIN_PASSPHRASE } from '../../../shared/people';
import { TextField } from './TextField';

// Choosing a passphrase: the profile and People pages (first person, new people, a change) and
// opening a first pack on a new installation ask for it the same way, typed twice.

const PASSPHRASE_HINT =
  `At least ${MIN_PASSPHRASE} characters. ` + 'A few unrelated words are easy to remember and hard to guess.';

/** A passphrase being chosen, typed twice. */
export function NewPassphrase({
  id,
  label,
  value,
  confirm,
  onChange,
  onConfirm,
  error,
}: {
  id: string;
  /** Shown beside the first field, as in the error summary that links to it. */
  error?: string;
  label: string;
  value: string;
  confirm: string;
  onChange: (v: string) => void;
  onConfirm: (v: string) => void;
}) {
  return (
    <>
      <TextField
        id={id}
        label={label}
        hint={PASSPHRASE_HINT}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={onChange}
        error={error}
        width="medium"
      />
      <TextField
        id={`${id}-again`}
        label="Type it again"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
        width="medium"
      />
    </>
  );
}

/** Why the chosen passphrase cannot be used, or null. */
export function checkNew(passphrase: string, again: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE) return `A passphrase needs at least ${MIN_PASSPHRASE} characters`;
  if (passphrase !== again) return 'The two passphrases are not the same';
  return null;
}
