import type { Output } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import { PACK_KIND_LABELS } from '../../../shared/packs';
import { api } from '../api';
import { LoadFailure } from '../components/Page';
import { useResult } from '../hooks/useResult';

type Entry = Output<'packs:list'>['sent'][number];

const when = (iso: string) => formatDate(iso.slice(0, 10));

/** "bidsAssigned" → "bids assigned". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A kind's summary in words: counts first ("3 added, 2 unchanged"), then any differences kept. The
 * summary is whatever the kind's module recorded, so unknown keys are shown plainly, not dropped.
 */
export function summaryText(summary: Record<string, unknown>): string[] {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'of') continue;
    if (typeof value === 'number') parts.push(`${value} ${words(key)}`);
    else if (typeof value === 'string' && value) parts.push(`${words(key)}: ${value}`);
    else if (typeof value === 'boolean' && value) parts.push(words(key));
    else if (Array.isArray(value)) {
      if (key === 'conflicts') {
        parts.push(`${value.length} ${value.length === 1 ? 'difference' : 'differences'} kept`);
        lines.push(...value.map(String));
      } else if (value.length > 0) parts.push(`${words(key)}: ${value.map(String).join(', ')}`);
    }
  }
  return [parts.join(', '), ...lines].filter(Boolean);
}

/** Each person's latest pack each way, newest first as the channel lists them. */
function latestByPerson(sent: Entry[], received: Entry[]) {
  const people = new Map<string, { sent?: Entry; received?: Entry }>();
  for (const e of sent)
    if (!people.get(e.person)?.sent) people.set(e.person, { ...people.get(e.person), sent: e });
  for (const e of received)
    if (!people.get(e.person)?.received) people.set(e.person, { ...people.get(e.person), received: e });
  return [...people.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
}

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
