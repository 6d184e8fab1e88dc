import type { ScoringSheet } from '../../../../shared/assessment';
import type { Framework } from '../../../../shared/frameworks';

/** Once an assessor has submitted: the others' submitted scores, criterion by criterion. */
export function OtherScores({ sheet, framework }: { sheet: ScoringSheet; framework: Framework }) {
  if (!sheet.others) {
    if (!sheet.declaration || sheet.declaration.conflict) return null;
    return (
      <p className="hint">
        Other assessors&apos; scores appear here once you submit yours, so that nobody anchors on anyone else.
      </p>
    );
  }
  const others = sheet.others;
  return (
    <>
      <h2 className="heading-m">Other assessors&apos; scores</h2>
      {others.length === 0 ? (
        <p className="secondary">No other assessor has submitted yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Other assessors' scores</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {others.map((o) => (
                <th scope="col" key={o.person}>
                  {o.person}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {framework.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.code}</th>
                {others.map((o) => {
                  const s = o.scores.find((x) => x.criterionId === c.id);
                  return (
                    <td key={o.person}>
                      <strong>{s?.score ?? '—'}</strong> <span className="secondary">{s?.justification}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
