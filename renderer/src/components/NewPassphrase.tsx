import { MIN_PASSPHRASE } from '../../../shared/people';
import type { SummaryError } from './ErrorSummary';
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
  confirmError,
}: {
  id: string;
  /** Shown beside the first field, as in the error summary that links to it. */
  error?: string | undefined;
  /** Shown beside the second field ("Type it again"). */
  confirmError?: string | undefined;
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
        error={confirmError}
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

/**
 * Every problem with a passphrase being chosen, each linked to its field (`id`, and `${id}-again`
 * for the second), for an error summary that lists them all at once.
 */
export function newPassphraseErrors(id: string, passphrase: string, again: string): SummaryError[] {
  const errors: SummaryError[] = [];
  if (passphrase.length < MIN_PASSPHRASE)
    errors.push({ fieldId: id, message: `A passphrase needs at least ${MIN_PASSPHRASE} characters` });
  if (passphrase !== again)
    errors.push({ fieldId: `${id}-again`, message: 'The two passphrases are not the same' });
  return errors;
}
