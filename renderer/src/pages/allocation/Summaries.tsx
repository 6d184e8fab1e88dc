import type { Allocation } from '../../../../shared/assessment';
import type { Output } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { RequestedAllocatedBar } from '../../components/Bars';
import { allocatedShare, barPercent } from './maths';

/** Available, allocated and remaining, with a bar of the share allocated. */
export function MoneyBar({ allocation }: { allocation: Allocation }) {
  return (
    <div>
      <dl className="figures">
        <div className="figure">
          <dt>Available</dt>
          <dd>{formatMoney(allocation.availablePence)}</dd>
        </div>
        <div className="figure">
          <dt>Allocated</dt>
          <dd>{formatMoney(allocation.allocatedPence)}</dd>
        </div>
        <div className={`figure ${allocation.remainingPence < 0 ? 'figure--alert' : 'figure--ok'}`}>
          <dt>Remaining</dt>
          <dd>{formatMoney(allocation.remainingPence)}</dd>
        </div>
      </dl>
      <div className="money-bar" aria-hidden="true">
        <span className="money-bar__allocated" style={{ width: `${allocatedShare(allocation)}%` }} />
      </div>
    </div>
  );
}

/** What is allocated (or, once signed, awarded) to each priority of the Police and Crime Plan. */
export function ByPriority({ report }: { report: Output<'reports:byPriority'> }) {
  if (report.priorities.length === 0) return null;
  const largest = Math.max(...report.priorities.map((x) => x.allocatedPence));
  return (
    <>
      <h2 className="heading-m">{report.decided ? 'Awarded' : 'Allocated (draft)'} by plan priority</h2>
      <p className="hint">{report.note}</p>
      <table className="table">
        <caption className="visually-hidden">Allocated by plan priority</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Funded bids claiming it</th>
            <th scope="col" className="numeric">
              Allocated
            </th>
            <th scope="col" className="bar-cell">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.priorities.map((p) => (
            <tr key={p.code}>
              <td>
                <strong>{p.code}</strong> {p.title}
              </td>
              <td>{p.bids.join(', ')}</td>
              <td className="numeric">{formatMoney(p.allocatedPence)}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className="bar" style={{ width: `${barPercent(p.allocatedPence, largest)}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unclaimedBids.length > 0 && (
        <p className="hint">
          Funded bids that claim no priority: {report.unclaimedBids.join(', ')} (
          {formatMoney(report.unclaimedPence)}).
        </p>
      )}
    </>
  );
}

/** Each partnership's requested and allocated money, with a bar of one against the other. */
export function ByPartnership({ allocation }: { allocation: Allocation }) {
  const largest = Math.max(1, ...allocation.byPartnership.map((x) => x.requestedPence));
  return (
    <>
      <h2 className="heading-m">Requested and allocated by partnership</h2>
      <table className="table">
        <caption className="visually-hidden">Requested and allocated by partnership</caption>
        <thead>
          <tr>
            <th scope="col">Partnership</th>
            <th scope="col" className="numeric">
              Requested
            </th>
            <th scope="col" className="numeric">
              Allocated
            </th>
            <th scope="col" className="bar-cell">
              Allocated <span className="secondary">(dark) of requested (light)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {allocation.byPartnership.map((p) => (
            <tr key={p.partnership}>
              <th scope="row">{p.partnership}</th>
              <td className="numeric">{formatMoney(p.requestedPence)}</td>
              <td className="numeric">{formatMoney(p.allocatedPence)}</td>
              <RequestedAllocatedBar
                requestedPence={p.requestedPence}
                allocatedPence={p.allocatedPence}
                maxPence={largest}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
