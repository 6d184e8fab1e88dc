import { useState } from 'react';
import type { Output } from '../../../shared/contract';
import { formatMoney } from '../../../shared/money';

type FundReport = Output<'reports:fund'>;
import { api } from '../api';
import { RequestedAllocatedBar } from '../components/Bars';
import { LoadFailure, Page } from '../components/Page';
import { saveFile } from '../files';
import { useResult } from '../hooks/useResult';

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function ReportsPage() {
  const [funds] = useResult(() => api.funds.list(), 'funds');
  const [fund, setFund] = useState('');
  const [report] = useResult<FundReport | null>(
    async () => (fund ? api.reports.fund({ fund }) : { ok: true, value: null }),
    `report:${fund}`,
  );
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    const result = await api.reports.fundXlsx({ fund });
    if (!result.ok) return setError(result.error.message);
    saveFile(result.value);
  };
  const rows = report.state === 'ready' && report.value ? report.value.rows : [];
  const max = Math.max(1, ...rows.map((r) => r.requestedPence));
  const allDecided = rows.length > 0 && rows.every((r) => r.decided);
  const noneDecided = rows.every((r) => !r.decided);
  return (
    <Page title="Where a fund's money went">
      <p className="body">
        Requested and allocated by round and by area, across every round of a fund: the breakdown the Police
        and Crime Panel asks for.
      </p>
      <div className="filters">
        <div className="form-group form-group--inline">
          <label className="label" htmlFor="report-fund">
            Fund
          </label>
          <select id="report-fund" className="select" value={fund} onChange={(e) => setFund(e.target.value)}>
            <option value="">Choose a fund</option>
            {funds.state === 'ready' &&
              funds.value.map((f) => (
                <option key={f.id} value={f.name}>
                  {f.name}
                </option>
              ))}
          </select>
        </div>
        {fund && (
          <button type="button" className="button button--secondary" onClick={() => void download()}>
            Download as Excel
          </button>
        )}
      </div>
      {error && <LoadFailure message={error} />}
      {report.state === 'failed' && <LoadFailure message={report.error.message} />}
      {rows.length > 0 && (
        <table className="table">
          <caption className="table__caption">{fund}: by round and area</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Area</th>
              <th scope="col" className="numeric">
                Bids
              </th>
              <th scope="col" className="numeric">
                Requested
              </th>
              <th scope="col" className="numeric">
                {allDecided ? 'Awarded' : noneDecided ? 'Allocated (draft)' : 'Allocated or awarded'}
              </th>
              <th scope="col" className="bar-cell">
                {allDecided ? 'Awarded' : 'Allocated'}{' '}
                <span className="secondary">(dark) of requested (light)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.round}-${r.partnership}`}>
                <td>
                  {r.round}
                  {r.financialYear && <div className="hint">{r.financialYear}</div>}
                </td>
                <td>
                  {r.area}
                  <div className="hint">{r.partnership}</div>
                </td>
                <td className="numeric">{r.bids}</td>
                <td className="numeric">{formatMoney(r.requestedPence)}</td>
                <td className="numeric">
                  {formatMoney(r.allocatedPence)}
                  {!allDecided && !noneDecided && (
                    <div className="hint">{r.decided ? 'Awarded' : 'Allocated (draft)'}</div>
                  )}
                </td>
                <RequestedAllocatedBar
                  requestedPence={r.requestedPence}
                  allocatedPence={r.allocatedPence}
                  maxPence={max}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
