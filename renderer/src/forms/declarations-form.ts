import type { Input } from '../../../shared/contract';
import type { SummaryError } from '../components/ErrorSummary';

// Declaring interests in all of one's bids at once: a tick for each bid where there is a conflict,
// with what it is; every bid not ticked is declared without one. One form, one write.

export interface DeclarationsForm {
  /** The bid references being declared (the assessor's bids still waiting for a declaration). */
  refs: readonly string[];
  /** For each ticked bid, what the assessor typed about the conflict. */
  conflicts: Readonly<Record<string, string>>;
}

/** The field holding what the conflict in `ref` is, for labels and the error summary's links. */
export const natureFieldId = (ref: string) => `conflict-nature-${ref}`;

/** The declaration to send, or an error for each ticked bid whose conflict is not described. */
export function validateDeclarations(
  roundId: number,
  form: DeclarationsForm,
): { input: Input<'assessment:declare'> } | { errors: SummaryError[] } {
  const ticked = form.refs.filter((ref) => ref in form.conflicts);
  const errors = ticked
    .filter((ref) => (form.conflicts[ref] ?? '').trim() === '')
    .map((ref) => ({
      fieldId: natureFieldId(ref),
      message: `Say what the conflict of interest in ${ref} is`,
    }));
  if (form.refs.length === 0) return { errors: [{ message: 'You have no bids waiting for a declaration' }] };
  if (errors.length > 0) return { errors };
  return {
    input: {
      roundId,
      bidRefs: [...form.refs],
      conflict: false,
      conflicts: ticked.map((ref) => ({ bidRef: ref, nature: (form.conflicts[ref] ?? '').trim() })),
    },
  };
}

/** The confirmation once recorded: how many bids, and which carry a conflict. */
export function declaredMessage(form: DeclarationsForm): string {
  const ticked = form.refs.filter((ref) => ref in form.conflicts);
  const count = `${form.refs.length} ${form.refs.length === 1 ? 'bid' : 'bids'}`;
  return ticked.length === 0
    ? `Declared no conflict of interest in your ${count}.`
    : `Declared your interests in ${count}: a conflict in ${ticked.join(', ')}, none in the rest.`;
}
