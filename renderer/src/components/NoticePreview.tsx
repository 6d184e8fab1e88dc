import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { NoticeData } from '../../../shared/notice-data';

/** The notice as it will print, from the same data the Word and PDF builders use. */
export function NoticePreview({ data }: { data: NoticeData }) {
  const committed = data.commitments.reduce((s, c) => s + c.amountPence, 0);
  return (
    <article className="notice" aria-label="Notice of Decision preview">
      {data.demoNotice && <p className="notice__demo">{data.demoNotice}</p>}
      {data.draft && <p className="notice__draft">DRAFT – not signed</p>}
      <p className="notice__body-name">{data.wording.issuingBody}</p>
      <p className="notice__marking">{data.marking}</p>
      <h2 className="notice__heading">NOTICE OF DECISION</h2>
      <p className="notice__number">{data.number}</p>
      <p>
        Contact officer: {data.contact.officer || '—'} · Telephone: {data.contact.telephone || '—'} · Email:{' '}
        {data.contact.email || '—'}
      </p>
      <p>
        <strong>Title: {data.title}</strong>
      </p>
      {data.supersedes && <p>This decision supersedes decision {data.supersedes}.</p>}
      <h3>EXECUTIVE SUMMARY</h3>
      <p>
        The {data.fund} budget for {data.roundName}
        {data.financialYear ? ` (${data.financialYear})` : ''} is {formatMoney(data.budgetPence)}.{' '}
        {committed > 0 &&
          `${formatMoney(committed)} is already committed, leaving ${formatMoney(data.availablePence)} to allocate. `}
        {data.bidCount} bids were received from {data.partnershipCount} partnerships, asking for{' '}
        {formatMoney(data.requestedPence)} in all.
        {data.noBidFrom.length > 0 && ` No bids were received from ${data.noBidFrom.join(', ')}.`}
      </p>
      <h3>DECISION</h3>
      <p>
        I have considered the attached business cases and approve the following bids, with amounts, funding
        from the {data.fund}.
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">Bids approved</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Partnership</th>
            <th scope="col">Project</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Conditions</th>
          </tr>
        </thead>
        <tbody>
          {data.decisions.map((d) => (
            <tr key={d.ref}>
              <td>{d.ref}</td>
              <td>{d.partnership}</td>
              <td>{d.title}</td>
              <td className="numeric">{formatMoney(d.awardedPence ?? 0)}</td>
              <td>{d.conditions}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total awarded
            </th>
            <td className="numeric">
              <strong>{formatMoney(data.awardedPence)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p>
        {formatMoney(data.remainingPence)} of the {formatMoney(data.availablePence)} available remains
        unallocated.
      </p>
      <p>
        <strong>{data.wording.signatoryRole}</strong>
      </p>
      <p>{data.wording.declarationOfInterests}</p>
      <p>Interests: {data.signature?.interests ?? '—'}</p>
      <p>
        Signature: {data.signature ? data.signature.name : 'Not yet signed'} · Date:{' '}
        {data.signature ? formatDate(data.signature.date) : 'Not yet signed'}
      </p>
      {data.board && (
        <>
          <h3>VIEWS OF THE BOARD</h3>
          <p>
            {data.board.meetingOn
              ? `The board considered the bids on ${formatDate(data.board.meetingOn)}.`
              : 'The board considered the bids.'}
          </p>
          <ul>
            {data.board.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h3>LEGAL IMPLICATIONS</h3>
      <p>{data.wording.legalImplications}</p>
      <h3>EQUALITY IMPLICATIONS</h3>
      <p>{data.wording.equalityImplications}</p>
      <h3>Public Access to Information</h3>
      <p>{data.wording.publicAccess}</p>
      <h3>Appendix A</h3>
      <table className="table table--compact">
        <caption className="visually-hidden">Appendix A: every bid</caption>
        <thead>
          <tr>
            <th scope="col">Ref</th>
            <th scope="col">Partnership</th>
            <th scope="col">Aims and objectives</th>
            <th scope="col" className="numeric">
              Requested
            </th>
            <th scope="col" className="numeric">
              Could be reduced to
            </th>
            <th scope="col" className="numeric">
              Decision
            </th>
          </tr>
        </thead>
        <tbody>
          {data.appendixA.map((b) => (
            <tr key={b.ref}>
              <td>{b.ref}</td>
              <td>{b.partnership}</td>
              <td>{b.title}</td>
              <td className="numeric">{formatMoney(b.requestedPence)}</td>
              <td className="numeric">{b.reducedPence === null ? '' : formatMoney(b.reducedPence)}</td>
              <td className="numeric">
                {b.awardedPence === null ? 'Not funded' : formatMoney(b.awardedPence)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.fingerprint && (
        <p className="notice__fingerprint">
          Fingerprint (SHA-256): <code>{data.fingerprint}</code>
        </p>
      )}
      {data.signature && data.keyFingerprint && (
        <p className="notice__fingerprint">
          Signed by {data.signature.name} with the key whose fingerprint is <code>{data.keyFingerprint}</code>
        </p>
      )}
    </article>
  );
}
