import { useMemo, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { compareScenarios } from './maths';

/** One side-by-side table of the comparison: a row per bid or partnership, each scenario's amount. */
function ComparedTable(props: {
  caption: string;
  first: string;
  names: [string, string];
  rows: { key: string; a: number; b: number }[];
}) {
  return (
    <table className="table">
      <caption className="table__caption">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.first}</th>
          <th scope="col" className="numeric">
            {props.names[0]}
          </th>
          <th scope="col" className="numeric">
            {props.names[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td className="numeric">{formatMoney(r.a)}</td>
            <td className="numeric">{formatMoney(r.b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Two saved scenarios chosen and compared: the bids that change and the totals by partnership. */
export function ScenarioComparison({ scenarios }: { scenarios: Output<'scenarios:list'> }) {
  const [compare, setCompare] = useState<{ a: string; b: string }>({ a: '', b: '' });
  const comparison = useMemo(() => {
    const a = scenarios.find((s) => String(s.id) === compare.a);
    const b = scenarios.find((s) => String(s.id) === compare.b);
    return a && b ? compareScenarios(a, b) : null;
  }, [scenarios, compare]);
  return (
    <>
      <div className="filters">
        {(['a', 'b'] as const).map((side) => (
          <div className="form-group form-group--inline" key={side}>
            <label className="label" htmlFor={`compare-${side}`}>
              Compare {side === 'a' ? 'this' : 'with'}
            </label>
            <select
              id={`compare-${side}`}
              className="select"
              value={compare[side]}
              onChange={(e) => setCompare((c) => ({ ...c, [side]: e.target.value }))}
            >
              <option value="">Choose a scenario</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {comparison && (
        <div className="two-columns">
          <ComparedTable
            caption="Bids that change"
            first="Bid"
            names={[comparison.a.name, comparison.b.name]}
            rows={comparison.bids.map((r) => ({ key: r.ref, a: r.a, b: r.b }))}
          />
          <ComparedTable
            caption="By partnership"
            first="Partnership"
            names={[comparison.a.name, comparison.b.name]}
            rows={comparison.partnerships.map((r) => ({ key: r.p, a: r.a, b: r.b }))}
          />
        </div>
      )}
    </>
  );
}
