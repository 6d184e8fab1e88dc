import { useState } from 'react';
import { Link } from 'wouter';
import { BID_STATUS_LABELS } from '../../../shared/bids';
import { formatDate } from '../../../shared/dates';
import { fileSizeRefusal } from '../../../shared/limits';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { FlagList } from '../components/Flags';
import { Banner, LoadFailure, Page } from '../components/Page';
import { Queries } from '../components/Queries';
import { RoundNav } from '../components/RoundNav';
import { readFileAsBase64 } from '../files';
import { useFlash } from '../flash';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';

function CaseImport({ bidId, onDone }: { bidId: number; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = fileSizeRefusal(file.name, file.size);
    if (tooLarge) return setError(tooLarge);
    setBusy(true);
    setError(null);
    const result = await api.bids.importCase({
      bidId,
      fileName: file.name,
      dataBase64: await readFileAsBase64(file),
      replace: true,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setWarnings(result.value.warnings);
    onDone(
      `Read ${file.name}: ${result.value.sections} sections, ${result.value.costLines} cost lines` +
        `${result.value.statedTotal ? `, stated total ${result.value.statedTotal}` : ''}. The original ` +
        `file is kept with the bid.`,
    );
  };
  return (
    <div className="form-group">
      <label className="label" htmlFor="case-file">
        Import the business case (Word .docx)
      </label>
      <div className="hint" id="case-file-hint">
        Headings become sections, tables of costs become cost lines, and the stated total is checked against
        them. This replaces the bid&apos;s sections and cost lines.
      </div>
      {error && (
        <p className="error-message" id="case-file-error">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        id="case-file"
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-describedby={`case-file-hint${error ? ' case-file-error' : ''}`}
        disabled={busy}
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {busy && (
        <p aria-live="polite">
          <progress className="progress" aria-label="Reading the business case" /> Reading the business case…
        </p>
      )}
      {warnings.length > 0 && (
        <div className="banner banner--important" role="status">
          <p className="banner__title">Parts of the document could not be read as figures</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function BidPage({ roundId, id }: { roundId: number; id: number }) {
  const flash = useFlash();
  const [message, setMessage] = useState<string | null>(flash);
  const [bid, reload] = useResult(() => api.bids.get({ id }), `bid:${id}`);
  const { may } = useMayWrite(roundId);
  if (bid.state === 'loading') return <p aria-live="polite">Loading bid…</p>;
  if (bid.state === 'failed') {
    return (
      <Page title="Bid not available">
        <LoadFailure message={bid.error.message} />
      </Page>
    );
  }
  const b = bid.value;
  return (
    <Page
      title={`${b.ref}: ${b.title}`}
      caption={`${b.partnership} · ${b.fund} ${b.round}`}
      actions={
        may('bids:update') && (
          <Link href={`/rounds/${roundId}/bids/${b.id}/edit`} className="button button--secondary">
            Edit bid
          </Link>
        )
      }
    >
      <RoundNav roundId={roundId} />
      {message && <Banner kind="success">{message}</Banner>}
      <FlagList flags={b.flags} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Amount requested</dt>
          <dd>{formatMoney(b.requestedPence)}</dd>
        </div>
        {b.reducedPence !== null && (
          <div className="summary-list__row">
            <dt>Could be reduced to</dt>
            <dd>
              {formatMoney(b.reducedPence)}
              {b.reductionNote && <div className="hint">{b.reductionNote}</div>}
            </dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Total the business case states</dt>
          <dd>
            {b.statedTotalPence === null ? (
              <span className="secondary">None stated</span>
            ) : (
              formatMoney(b.statedTotalPence)
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>
            {BID_STATUS_LABELS[b.status]}
            {b.statusReason && `: ${b.statusReason}`}
          </dd>
        </div>
        {b.durationText && (
          <div className="summary-list__row">
            <dt>Duration</dt>
            <dd>{b.durationText}</dd>
          </div>
        )}
        {(b.startsOn || b.endsOn) && (
          <div className="summary-list__row">
            <dt>Dates</dt>
            <dd>
              {b.startsOn ? formatDate(b.startsOn) : '—'} to {b.endsOn ? formatDate(b.endsOn) : '—'}
            </dd>
          </div>
        )}
        {b.matchFundingPence !== null && (
          <div className="summary-list__row">
            <dt>Match funding</dt>
            <dd>{formatMoney(b.matchFundingPence)}</dd>
          </div>
        )}
      </dl>
      {b.summary && (
        <>
          <h2 className="heading-m">Summary</h2>
          <p className="prose">{b.summary}</p>
        </>
      )}

      <h2 className="heading-m">Cost lines</h2>
      {b.costLines.length === 0 ? (
        <p className="secondary">No itemised costs.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Cost lines</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="numeric">
                Quantity
              </th>
              <th scope="col" className="numeric">
                Unit cost
              </th>
              <th scope="col" className="numeric">
                Amount stated
              </th>
              <th scope="col" className="numeric">
                Quantity × unit
              </th>
            </tr>
          </thead>
          <tbody>
            {b.costLines.map((line) => (
              <tr key={line.id}>
                <td>{line.description}</td>
                <td className="numeric">{line.quantity ?? ''}</td>
                <td className="numeric">
                  {line.unitCostPence === null ? '' : formatMoney(line.unitCostPence)}
                </td>
                <td className="numeric">
                  {line.amountPence === null ? (
                    <span className="secondary">—</span>
                  ) : (
                    formatMoney(line.amountPence)
                  )}
                </td>
                <td className="numeric">
                  {line.computedPence === null ? '' : formatMoney(line.computedPence)}
                  {line.computedPence !== null &&
                    line.amountPence !== null &&
                    line.computedPence !== line.amountPence && (
                      <strong className="tag tag--red">Differs</strong>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Cost lines add up to
              </th>
              <td className="numeric">
                <strong>{formatMoney(b.costLinesTotalPence ?? 0)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}

      <h2 className="heading-m">Priorities the bidder claims</h2>
      {b.claimedPriorities.length === 0 ? (
        <p className="secondary">None claimed.</p>
      ) : (
        <ul>
          {b.claimedPriorities.map((p) => (
            <li key={p.id}>
              <strong>{p.code}</strong> {p.title}
            </li>
          ))}
        </ul>
      )}

      <h2 className="heading-m">Business case</h2>
      {b.sections.length === 0 && <p className="secondary">No sections recorded.</p>}
      {b.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`} className="heading-s">
            {section.heading}
          </h3>
          <p className="prose">{section.body}</p>
        </section>
      ))}
      {may('bids:importCase') && (
        <CaseImport
          bidId={b.id}
          onDone={(text) => {
            setMessage(text);
            reload();
          }}
        />
      )}

      {/* Queries are the office's conversation with bidders, not part of a copy's own work. */}
      {may('queries:raise') && <Queries roundId={roundId} bidId={b.id} />}

      <h2 className="heading-m">Attachments</h2>
      {b.attachments.length === 0 ? (
        <p className="secondary">No files attached.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Attachments</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">Received</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {b.attachments.map((a) => (
              <tr key={a.id}>
                <td>{a.fileName}</td>
                <td className="numeric">{(a.sizeBytes / 1024).toFixed(1)} KB</td>
                <td>{formatDate(a.createdAt)}</td>
                <td>
                  <code title={a.sha256}>{a.sha256.slice(0, 16)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
