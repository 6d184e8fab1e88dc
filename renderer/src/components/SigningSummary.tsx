import { formatMoney } from '../../../shared/money';
import type { NoticeData } from '../../../shared/notice-data';

// What the commissioner is about to sign, shown beside the passphrase they give to sign it: the
// notice's number, each funded bid with its award, and the total. Read from the same content the
// key will sign, so nothing here can differ from the notice.

export function SigningSummary({ data }: { data: NoticeData }) {
  const funded = data.decisions.filter((d) => d.awardedPence !== null);
  return (
    <section className="inset" aria-labelledby="signing-summary-title">
      <h3 id="signing-summary-title" className="heading-s">
        You are signing decision {data.number}
      </h3>
      <p className="body">
        {data.fund}, {data.roundName}: {funded.length} {funded.length === 1 ? 'bid' : 'bids'} funded, a total
        of <strong>{formatMoney(data.awardedPence)}</strong> of {formatMoney(data.availablePence)} available.
      </p>
      <table className="table">
        <caption className="visually-hidden">The awards you are signing</caption>
        <thead>
          <tr>
            <th scope="col">Bid</th>
            <th scope="col">Partnership</th>
            <th scope="col" className="numeric">
              Award
            </th>
          </tr>
        </thead>
        <tbody>
          {funded.map((d) => (
            <tr key={d.ref}>
              <th scope="row">{d.ref}</th>
              <td>{d.partnership}</td>
              <td className="numeric">{formatMoney(d.awardedPence ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="numeric">
              <strong>{formatMoney(data.awardedPence)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
