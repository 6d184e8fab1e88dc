import { api } from '../api';
import { useResult } from '../hooks/useResult';

/**
 * What the start-up checks found: a damaged file (open read-only, with the newest good backup) or
 * a record that does not verify. Shown on every page until the cause is dealt with.
 */
export function RecordStatus() {
  const [status] = useResult(() => api.audit.status(), 'record-status');
  if (status.state !== 'ready') return null;
  const { readOnly, readOnlyReason, damage, goodBackup, problems } = status.value;
  if (readOnly && damage.length === 0)
    return (
      <div className="banner banner--error" role="alert">
        <p className="banner__title">Tranche has opened the database read-only</p>
        <p>{readOnlyReason}</p>
      </div>
    );
  if (readOnly)
    return (
      <div className="banner banner--error" role="alert">
        <p className="banner__title">The database is damaged: Tranche has opened it read-only</p>
        <p>Nothing can be changed until it is replaced. The check found: {damage.slice(0, 3).join('; ')}.</p>
        <p>
          {goodBackup ? (
            <>
              The newest good backup is <code>{goodBackup}</code>. Close Tranche and restore it with{' '}
              <code>tranche restore &quot;{goodBackup}&quot;</code>; the damaged file is kept beside it.
            </>
          ) : (
            'No good backup was found beside it. Ask whoever looks after this computer for help.'
          )}
        </p>
      </div>
    );
  if (problems.length === 0) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__title">The record does not verify: it was changed outside Tranche</p>
      <ul>
        {problems.slice(0, 5).map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      {problems.length > 5 && <p>…and {problems.length - 5} more. Run tranche verify for the full list.</p>}
    </div>
  );
}
