import { api } from '../../api';
import { useResult } from '../../hooks/useResult';

/** The plan's priorities the round's bids address, from the assessors' alignment, and those none does. */
export function Coverage({ roundId }: { roundId: number }) {
  const [coverage] = useResult(() => api.assessment.coverage({ roundId }), `coverage:${roundId}`);
  if (coverage.state !== 'ready' || coverage.value.priorities.length === 0) return null;
  const uncovered = coverage.value.priorities.filter((p) => p.strong.length === 0 && p.some.length === 0);
  return (
    <>
      <h2 className="heading-m">Priorities the round&apos;s bids address</h2>
      <p className="hint">
        From the assessors&apos; priority alignment, against {coverage.value.planTitle}. {uncovered.length} of{' '}
        {coverage.value.priorities.length} priorities are addressed by no bid.
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">Coverage of the plan's priorities</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Strongly</th>
            <th scope="col">Somewhat</th>
            <th scope="col">Claimed by bidders</th>
          </tr>
        </thead>
        <tbody>
          {coverage.value.priorities.map((p) => (
            <tr key={p.id}>
              <td style={{ paddingLeft: p.depth * 20 }}>
                <strong>{p.code}</strong> {p.title}
              </td>
              <td>{p.strong.join(', ')}</td>
              <td>{p.some.join(', ')}</td>
              <td className="secondary">{p.claimedBy.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
