import { useState } from 'react';
import { formatDate } from '../../../shared/dates';
import type { OutboundKind } from '../../../shared/packs';
import { api } from '../api';
import { savePack } from './pack-file';
import type { CopyOf } from './round-copy';

/** What the recipient may do on their copy, by the kind of pack that made it (the rule book's onCopy). */
const YOURS: Record<OutboundKind, string> = {
  assessor:
    'You can change only your own declarations and scores here; send them back with Return to office.',
  board: 'You can record only your own views and comments here; send them back with Return to office.',
  signoff: 'You can only read and sign the notice here; send it back signed with Return to office.',
  delivery:
    'You can record due diligence, claims and monitoring returns here (on the command line: grants ' +
    'diligence, claims add, returns import); send them back with Return to office.',
};

/**
 * On every page of a round copy received in a pack: where it came from, what may be done on it, and
 * the one way its work goes back, a return pack saved as a file.
 */
export function RoundCopyBanner({ roundId, copy }: { roundId: number; copy: CopyOf | null }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!copy) return null;
  const returnPack = async () => {
    const result = await api.packs.return({ roundId });
    if (!result.ok) {
      setSaved(null);
      return setError(result.error.message);
    }
    setError(null);
    savePack(result.value);
    setSaved(result.value.fileName);
  };
  return (
    <div className="banner banner--copy" role="region" aria-label="Round copy">
      <p>
        This round is a copy from {copy.from}&rsquo;s Tranche, received{' '}
        {formatDate(copy.openedAt.slice(0, 10))}. {YOURS[copy.kind]}
      </p>
      <button type="button" className="button button--secondary" onClick={() => void returnPack()}>
        Return to office
      </button>
      {saved && (
        <p role="status">
          Saved <strong>{saved}</strong>: send this file to {copy.from}.
        </p>
      )}
      {error && (
        <p role="alert" className="error-message">
          {error}
        </p>
      )}
    </div>
  );
}
