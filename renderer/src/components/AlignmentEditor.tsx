import { useState } from 'react';
import { STRENGTHS, type Strength } from '../../../shared/assessment';
import { api } from '../api';
import { LoadFailure } from './Page';
import { useResult } from '../hooks/useResult';

const LABEL: Record<Strength, string> = { none: 'Not at all', some: 'Somewhat', strong: 'Strongly' };

/** Which plan priorities this bid advances, in the assessor's judgement, beside what the bidder claims. */
export function AlignmentEditor({ bidId }: { bidId: number }) {
  const [view] = useResult(() => api.assessment.alignment({ bidId }), `alignment:${bidId}`);
  const [values, setValues] = useState<Record<number, Strength>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (view.state === 'loading') return null;
  if (view.state === 'failed') return <LoadFailure message={view.error.message} />;
  if (view.value.priorities.length === 0)
    return (
      <p className="hint">
        This round has no Police and Crime Plan, so there is no priority alignment to record.
      </p>
    );
  const current = (id: number): Strength =>
    values[id] ?? view.value.mine.find((m) => m.priorityId === id)?.strength ?? 'none';
  const save = async () => {
    const result = await api.assessment.align({
      bidId,
      alignments: view.value.priorities.map((p) => ({ priorityId: p.id, strength: current(p.id) })),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage('Priority alignment saved.');
  };
  return (
    <section aria-labelledby="alignment-title" className="alignment">
      <h2 id="alignment-title" className="heading-m">
        Priority alignment (informs strategic fit)
      </h2>
      {error && <LoadFailure message={error} />}
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
      <table className="table table--compact">
        <caption className="visually-hidden">How strongly the bid advances each priority</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Bidder claims</th>
            <th scope="col">Your judgement</th>
          </tr>
        </thead>
        <tbody>
          {view.value.priorities.map((p) => (
            <tr key={p.id}>
              <td style={{ paddingLeft: p.depth * 20 }}>
                <strong>{p.code}</strong> {p.title}
              </td>
              <td>{view.value.claimed.includes(p.id) ? 'Claimed' : ''}</td>
              <td>
                <label className="visually-hidden" htmlFor={`align-${p.id}`}>
                  How strongly the bid advances {p.code}
                </label>
                <select
                  id={`align-${p.id}`}
                  className="select"
                  value={current(p.id)}
                  onChange={(e) => setValues((v) => ({ ...v, [p.id]: e.target.value as Strength }))}
                >
                  {STRENGTHS.map((s) => (
                    <option key={s} value={s}>
                      {LABEL[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--secondary" onClick={() => void save()}>
        Save priority alignment
      </button>
    </section>
  );
}
