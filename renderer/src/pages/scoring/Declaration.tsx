import { useState, type FormEvent } from 'react';
import type { ScoringSheet } from '../../../../shared/assessment';
import { api } from '../../api';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { DeclarationFields } from './DeclarationFields';
import { declarationError } from './sheet-form';

/** Before a sheet opens: the assessor says whether they have a conflict of interest in this bid. */
export function Declaration({
  sheet,
  roundId,
  onDone,
}: {
  sheet: ScoringSheet;
  roundId: number;
  onDone: () => void;
}) {
  const [choice, setChoice] = useState<'none' | 'conflict' | ''>('');
  const [nature, setNature] = useState('');
  const [error, setError] = useState<SummaryError[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = declarationError(choice, nature);
    if (missing) return setError([missing]);
    const result = await api.assessment.declare({
      roundId,
      bidRefs: [sheet.ref],
      conflict: choice === 'conflict',
      ...(choice === 'conflict' ? { nature } : {}),
    });
    if (!result.ok) return setError([{ message: result.error.message }]);
    onDone();
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary errors={error} />
      <DeclarationFields choice={choice} setChoice={setChoice} nature={nature} setNature={setNature} />
      <button type="submit" className="button">
        Record my declaration
      </button>
    </form>
  );
}
