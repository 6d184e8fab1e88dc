import type { FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { ROLE_LABELS } from '../../../../shared/people';
import { api } from '../../api';

// The commissioner's approval of a new commissioner or lead officer names the key the person holds.
// Whoever enrolled first with their code holds that key, so before approving, the commissioner
// compares its fingerprint with the one the person reads from their own profile.

type Listed = Output<'people:list'>[number];

export function ApprovePerson({
  person,
  onDone,
  onError,
  onCancel,
}: {
  person: Listed & { fingerprint: string };
  onDone: (message: string) => void;
  onError: (error: { fieldId: string; message: string }) => void;
  onCancel: () => void;
}) {
  const role = ROLE_LABELS[person.role].toLowerCase();
  const approve = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.people.approve({ personId: person.id });
    if (!result.ok) return onError({ fieldId: 'approve-confirm', message: result.error.message });
    onDone(
      result.value.role === 'commissioner'
        ? `${result.value.name} is now the commissioner. You have handed over and are retired.`
        : `You approved ${result.value.name} as ${role}, holding the key ${result.value.fingerprint ?? ''}, ` +
            'signed with your key.',
    );
  };
  return (
    <form
      className="form inset"
      noValidate
      onSubmit={(e) => void approve(e)}
      aria-label={`Approve ${person.name} as ${role}`}
    >
      <h2 className="heading-s">
        Approve {person.name} as {role}?
      </h2>
      <p className="body">Your approval names the key {person.name} holds. Its fingerprint is:</p>
      <p className="body">
        <code className="fingerprint" data-testid="approve-fingerprint">
          {person.fingerprint}
        </code>
      </p>
      <p className="body">
        Ask {person.name} to open their own profile and read you the fingerprint shown there. Approve only if
        the two are the same: if they differ, someone else chose a passphrase in {person.name}&apos;s name.
      </p>
      <div className="button-group">
        <button id="approve-confirm" type="submit" className="button">
          The fingerprints match: approve {person.name}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
