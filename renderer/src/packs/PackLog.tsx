import { formatDate } from '../../../shared/dates';
import { PACK_KIND_LABELS } from '../../../shared/packs';
import { api } from '../api';
import { LoadFailure } from '../components/Page';
import { useResult } from '../hooks/useResult';
import { latestByPerson, summaryText } from './pack-summary';

const when = (iso: string) => formatDate(iso.slice(0, 10));

/** Each person's last pack sent and returned for this round, and what the return changed. */
export function PackLog({ roundId, version }: { roundId: number; version: number }) {
  const [log] = useResult(() => api.packs.list({ roundId }), `pack-log:${roundId}:${version}`);
  if (log.state === 'failed') return <LoadFailure message={log.error.message} />;
  if (log.state !== 'ready') return null;
  const rows = latestByPerson(log.value.sent, log.value.received);
  if (rows.length === 0) return <p className="secondary">No packs sent or received for this round yet.</p>;
  return (
    <table className="table table--compact">
      <caption className="table__caption">Each person&apos;s last pack</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Last sent</th>
          <th scope="col">Last returned</th>
          <th scope="col">What it changed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([person, { sent, received }]) => {
          const [counts, ...conflicts] = received ? summaryText(received.summary) : [];
          return (
            <tr key={person}>
              <td>{person}</td>
              <td>{sent ? `${PACK_KIND_LABELS[sent.kind]}, ${when(sent.createdAt)}` : 'Nothing yet'}</td>
              <td>{received ? when(received.receivedAt ?? received.createdAt) : 'Nothing yet'}</td>
              <td>
                {counts ?? ''}
                {conflicts.length > 0 && (
                  <ul className="list--compact">
                    {conflicts.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
