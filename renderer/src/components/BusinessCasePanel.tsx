import type { BidDetail } from '../../../shared/bids';
import { formatMoney } from '../../../shared/money';

/** The business case beside the scoring form: the amount, the case's sections and its cost lines. */
export function BusinessCasePanel({ bid }: { bid: BidDetail }) {
  return (
    <aside className="case-panel" aria-label={`${bid.ref}'s business case`} tabIndex={0}>
      <h2 className="heading-s">Business case</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Requested</dt>
          <dd>{formatMoney(bid.requestedPence)}</dd>
        </div>
        {bid.reducedPence !== null && (
          <div className="summary-list__row">
            <dt>Could be reduced to</dt>
            <dd>{formatMoney(bid.reducedPence)}</dd>
          </div>
        )}
        {bid.statedTotalPence !== null && bid.statedTotalPence !== bid.requestedPence && (
          <div className="summary-list__row">
            <dt>Total stated in the case</dt>
            <dd>{formatMoney(bid.statedTotalPence)}</dd>
          </div>
        )}
      </dl>
      {bid.summary && <p className="body">{bid.summary}</p>}
      {bid.sections.length === 0 && !bid.summary && (
        <p className="hint">No business case has been added to this bid.</p>
      )}
      {bid.sections.map((section) => (
        <section key={section.id}>
          <h3 className="case-panel__heading">{section.heading}</h3>
          {section.body.split(/\n\s*\n/).map((para, i) => (
            <p key={i} className="case-panel__text">
              {para}
            </p>
          ))}
        </section>
      ))}
      {bid.costLines.length > 0 && (
        <table className="table table--compact">
          <caption className="table__caption">Cost lines</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {bid.costLines.map((line) => (
              <tr key={line.id}>
                <td>
                  {line.description}
                  {line.quantity !== null && line.unitCostPence !== null && (
                    <span className="hint">
                      {' '}
                      ({line.quantity} × {formatMoney(line.unitCostPence)})
                    </span>
                  )}
                </td>
                <td className="numeric">{line.amountPence === null ? '' : formatMoney(line.amountPence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total of the lines</th>
              <td className="numeric">
                {formatMoney(bid.costLines.reduce((sum, l) => sum + (l.amountPence ?? 0), 0))}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </aside>
  );
}
