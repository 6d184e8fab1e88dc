import type { Progress } from './assessment-words';

/** How far assessment has got: by assessor, the bids short of assessors, and the conflicts declared. */
export function ProgressSection({ progress, copy }: { progress: Progress; copy: boolean }) {
  const conflicts = progress.declarations.filter((d) => d.conflict);
  return (
    <div className="two-columns">
      <ProgressByAssessor assessors={progress.assessors} />
      <div>
        {/* A copy knows only its recipient's assignments: who else assesses is the office's concern. */}
        {copy ? null : <BidsNeedingAssessors bids={progress.bids} />}
        <h3 className="heading-s">Declarations of interest</h3>
        {conflicts.length === 0 ? (
          <p className="secondary">No conflicts declared.</p>
        ) : (
          <ul>
            {conflicts.map((d) => (
              <li key={`${d.ref}-${d.person}`}>
                {d.person} in {d.ref}: {d.nature}
              </li>
            ))}
          </ul>
        )}
        <p className="hint">{progress.declarations.length} declarations recorded in all.</p>
      </div>
    </div>
  );
}

function ProgressByAssessor({ assessors }: { assessors: Progress['assessors'] }) {
  const counts = ['Assigned', 'Declared', 'Conflicts', 'Submitted'] as const;
  return (
    <table className="table">
      <caption className="table__caption">By assessor</caption>
      <thead>
        <tr>
          <th scope="col">Assessor</th>
          {counts.map((c) => (
            <th scope="col" className="numeric" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {assessors.map((a) => (
          <tr key={a.personId}>
            <td>{a.person}</td>
            <td className="numeric">{a.assigned}</td>
            <td className="numeric">{a.declared}</td>
            <td className="numeric">{a.conflicts}</td>
            <td className="numeric">{a.submitted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BidsNeedingAssessors({ bids }: { bids: { bidId: number; ref: string; warning: string | null }[] }) {
  const needing = bids.filter((b) => b.warning);
  return (
    <>
      <h3 className="heading-s">Bids needing assessors</h3>
      {needing.length === 0 ? (
        <p className="secondary">Every bid has at least two assessors without a conflict.</p>
      ) : (
        <ul>
          {needing.map((b) => (
            <li key={b.bidId}>
              <strong>{b.ref}</strong>: {b.warning}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
