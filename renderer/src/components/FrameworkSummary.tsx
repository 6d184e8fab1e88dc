import { formatDate } from '../../../shared/dates';
import type { Framework } from '../../../shared/frameworks';

/** A round's scoring framework as assessors read it: its scale, thresholds, criteria and changes. */
export function FrameworkSummary({ framework }: { framework: Framework }) {
  return (
    <>
      <p>
        Scores run from {framework.scale.min} to {framework.scale.max} (
        {framework.scale.descriptors.map((d) => `${d.score} ${d.descriptor.toLowerCase()}`).join(', ')}).
        {framework.threshold !== null && ` Quality threshold: ${framework.threshold} out of 100.`} Divergence
        of {framework.divergence} points or more goes to moderation.
      </p>
      <table className="table">
        <caption className="visually-hidden">Criteria</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Criterion</th>
            <th scope="col" className="numeric">
              Weight
            </th>
            <th scope="col" className="numeric">
              Minimum
            </th>
          </tr>
        </thead>
        <tbody>
          {framework.criteria.map((c) => (
            <tr key={c.id}>
              <td>{c.code}</td>
              <td>
                {c.name}
                <div className="hint">{c.guidance}</div>
              </td>
              <td className="numeric">{c.gateway ? 'Pass/fail' : `${c.weight}%`}</td>
              <td className="numeric">{c.minScore ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {framework.changes.length > 0 && (
        <>
          <h3 className="heading-s">Changes made after scoring began</h3>
          <ul>
            {framework.changes.map((c, i) => (
              <li key={i}>
                {formatDate(c.at)}: {c.summary}
                {c.by ? ` (${c.by})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
