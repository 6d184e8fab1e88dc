import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { NoticeData } from '../../../shared/notice-data';
import {
  appendicesSentence,
  appendixGroups,
  bidsSentence,
  boardSentence,
  budgetSentence,
  decisionSentence,
  fundName,
  outcomeSentence,
  paragraphTexts,
} from '../../../shared/notice-text';

function MoneyRow({ label, pence, bold = false }: { label: string; pence: number; bold?: boolean }) {
  return (
    <tr>
      <td>{bold ? <strong>{label}</strong> : label}</td>
      <td className="numeric">{bold ? <strong>{formatMoney(pence)}</strong> : formatMoney(pence)}</td>
    </tr>
  );
}

/** Standing wording as the documents print it: blank lines separate paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
        .filter(Boolean)
        .map((part, i) => (
          <p key={i}>{part}</p>
        ))}
    </>
  );
}

/**
 * The notice as it will print, section by section in the order of the Word and PDF documents, from
 * the same data and the same sentences (shared/notice-text.ts).
 */
// long-function: the notice's sections in the order the document prints them
export function NoticePreview({ data }: { data: NoticeData }) {
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
      {paragraphTexts(data.executiveSummary).length > 0 ? (
        paragraphTexts(data.executiveSummary).map((part, i) => <p key={i}>{part}</p>)
      ) : (
        <p>
          {budgetSentence(data)} {bidsSentence(data)}
        </p>
      )}
      <p>
        {appendicesSentence(data)} {outcomeSentence(data)}
      </p>
      <h3>DECISION</h3>
      <p>{decisionSentence(data)}</p>
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
              <td>
                {d.conditions.trim() || 'None'}
                {d.reason?.trim() && (
                  <div className="notice__reason">Reason for departing from the ranking: {d.reason}</div>
                )}
                {d.crimeReduction?.trim() && (
                  <div className="notice__reason">
                    How it will reduce crime and disorder: {d.crimeReduction}
                  </div>
                )}
              </td>
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
      <Paragraphs text={data.wording.declarationOfInterests} />
      <p>Interests: {data.signature?.interests ?? '—'}</p>
      <p>
        Signature: {data.signature ? data.signature.name : 'Not yet signed'} · Date:{' '}
        {data.signature ? formatDate(data.signature.date) : 'Not yet signed'}
      </p>
      <h3>NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER</h3>
      {paragraphTexts(data.background).map((part, i) => (
        <p key={`background-${i}`}>{part}</p>
      ))}
      <p>{budgetSentence(data)}</p>
      <p>{bidsSentence(data)}</p>
      {data.board && (
        <>
          <p>{boardSentence(data)}</p>
          <ul>
            {data.board.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>{appendicesSentence(data)}</p>
      <h3>FINANCIAL IMPLICATIONS</h3>
      <table className="table table--compact">
        <caption className="visually-hidden">Financial implications</caption>
        <thead>
          <tr>
            <th scope="col">{fundName(data)}</th>
            <th scope="col" className="numeric">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <MoneyRow label="Total budget" pence={data.budgetPence} />
          {data.commitments.map((c) => (
            <MoneyRow key={c.description} label={`Committed: ${c.description}`} pence={c.amountPence} />
          ))}
          <MoneyRow label="Available to allocate" pence={data.availablePence} bold />
          <MoneyRow label="Awarded by this decision" pence={data.awardedPence} />
          <MoneyRow label="Remaining unallocated" pence={data.remainingPence} bold />
        </tbody>
      </table>
      <h3>LEGAL IMPLICATIONS</h3>
      <Paragraphs text={data.wording.legalImplications} />
      <h3>EQUALITY IMPLICATIONS</h3>
      <Paragraphs text={data.wording.equalityImplications} />
      <h4>Schedule of Background Papers</h4>
      <Paragraphs text={data.wording.backgroundPapers || 'None'} />
      <h4>Public Access to Information</h4>
      <Paragraphs text={data.wording.publicAccess} />
      <h3>Appendix A – Summary of bids</h3>
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
              Awarded
            </th>
          </tr>
        </thead>
        {appendixGroups(data).map((group) => (
          <tbody key={group.partnership}>
            {group.bids.length === 0 ? (
              <tr>
                <td />
                <th scope="row">{group.partnership}</th>
                <td colSpan={4}>No bid made</td>
              </tr>
            ) : (
              <>
                {group.bids.map((b, i) => (
                  <tr key={b.ref}>
                    <td>{b.ref}</td>
                    <td>{i === 0 ? group.partnership : ''}</td>
                    <td>{b.title}</td>
                    <td className="numeric">{formatMoney(b.requestedPence)}</td>
                    <td className="numeric">{b.reducedPence === null ? '–' : formatMoney(b.reducedPence)}</td>
                    <td className="numeric">
                      {b.awardedPence === null ? 'Not funded' : formatMoney(b.awardedPence)}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" colSpan={3}>
                    Total for {group.partnership}
                  </th>
                  <td className="numeric">
                    <strong>{formatMoney(group.requestedPence)}</strong>
                  </td>
                  <td className="numeric">
                    <strong>{formatMoney(group.reducedPence)}</strong>
                  </td>
                  <td className="numeric">
                    <strong>{formatMoney(group.awardedPence)}</strong>
                  </td>
                </tr>
              </>
            )}
          </tbody>
        ))}
      </table>
      {data.appendixB && (
        <>
          <h3>Appendix B – Business cases</h3>
          {data.appendixB.map((bid) => (
            <section key={bid.ref}>
              <h4>
                {bid.ref}: {bid.title}
              </h4>
              {bid.sections.map((section) => (
                <div key={section.heading}>
                  <p>
                    <strong>
                      <em>{section.heading}</em>
                    </strong>
                  </p>
                  <Paragraphs text={section.body} />
                </div>
              ))}
            </section>
          ))}
        </>
      )}
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
