import { useState } from 'react';
import { Link } from 'wouter';
import { formatDate } from '../../../shared/dates';
import { GRANT_STATUS_LABELS, lastReturnWords, RAG_LABELS, type Rag } from '../../../shared/grants';
import { formatMoney } from '../../../shared/money';
import { api } from '../api';
import { RequestedAllocatedBar } from '../components/Bars';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { saveFile } from '../files';
import { useResult } from '../hooks/useResult';
import { PacksPanel } from '../packs/PacksPanel';
import { ThresholdForm } from './delivery/ThresholdForm';
import { useMayWrite } from '../packs/round-copy';

// The board's delivery page: for every grant of a signed round, what was awarded and paid, what
// remains, the last return, its RAG rating and what is overdue; then by partnership, with paid
// drawn over awarded as the fund report draws allocated over requested. A lead officer sends the
// grants to an officer who follows them away from the office, and receives what they recorded.

const RAG_TAGS: Record<Rag, string> = {
  green: 'tag tag--green',
  amber: 'tag tag--yellow',
  red: 'tag tag--red',
};

function RagTag({ rag }: { rag: Rag }) {
  return <strong className={RAG_TAGS[rag]}>{RAG_LABELS[rag]}</strong>;
}

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function DeliveryPage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [report, reloadReport] = useResult(() => api.reports.delivery({ roundId }), `delivery:${roundId}`);
  const { may } = useMayWrite(roundId);
  const sends = may('packs:make');
  const [people] = useResult(
    async () => (sends ? api.people.list() : { ok: true as const, value: [] }),
    `delivery-people:${String(sends)}`,
  );
  const officers =
    people.state === 'ready'
      ? people.value
          .filter((p) => (p.role === 'policy_officer' || p.role === 'lead_officer') && !p.retiredAt)
          .map((p) => p.name)
      : [];
  const [error, setError] = useState<string | null>(null);
  // The variation threshold's form: its refusals in the summary at the top, its success in a banner.
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const download = async () => {
    const result = await api.reports.deliveryXlsx({ roundId });
    if (!result.ok) return setError(result.error.message);
    saveFile(result.value);
  };
  const value = report.state === 'ready' ? report.value : null;
  const max = Math.max(1, ...(value?.partnerships ?? []).map((p) => p.awardedPence));
  return (
    <Page
      title="Delivery"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {report.state === 'failed' && <LoadFailure message={report.error.message} />}
      {error && <LoadFailure message={error} />}
      <ErrorSummary errors={errors} />
      {done && (
        <Banner kind="success">
          <p>{done}</p>
        </Banner>
      )}
      {value && value.grants.length === 0 && (
        <p className="body">
          There are no grants yet: each award becomes a grant when the commissioner signs the notice.
        </p>
      )}
      {value && value.grants.length > 0 && (
        <>
          <p className="body">
            Grants are paid quarterly in arrears against claims, once due diligence is complete; a return is
            due each quarter from the award. Overdue as of {formatDate(value.asOf)}.
          </p>
          <dl className="figures">
            <div className="figure">
              <dt>Awarded</dt>
              <dd>{formatMoney(value.totals.awardedPence)}</dd>
            </div>
            <div className="figure">
              <dt>Paid</dt>
              <dd>{formatMoney(value.totals.paidPence)}</dd>
            </div>
            <div className="figure">
              <dt>Remaining</dt>
              <dd>{formatMoney(value.totals.remainingPence)}</dd>
            </div>
            <div className={`figure ${value.totals.overdue > 0 ? 'figure--alert' : 'figure--ok'}`}>
              <dt>Returns overdue</dt>
              <dd>{value.totals.overdue}</dd>
            </div>
          </dl>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void download()}>
              Download as Excel
            </button>
          </p>
          <table className="table">
            <caption className="table__caption">By grant</caption>
            <thead>
              <tr>
                <th scope="col">Grant</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Awarded
                </th>
                <th scope="col" className="numeric">
                  Paid
                </th>
                <th scope="col" className="numeric">
                  Remaining
                </th>
                <th scope="col">Last return</th>
                <th scope="col">RAG</th>
                <th scope="col">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {value.grants.map((g) => (
                <tr key={g.ref}>
                  <td>
                    <Link href={`/rounds/${roundId}/delivery/${encodeURIComponent(g.ref)}`}>
                      {g.ref} {g.title}
                    </Link>
                    <div className="hint">{g.partnership}</div>
                  </td>
                  <td>
                    {GRANT_STATUS_LABELS[g.status]}
                    {!g.diligenceComplete && <div className="hint">Due diligence not complete</div>}
                  </td>
                  <td className="numeric">{formatMoney(g.awardedPence)}</td>
                  <td className="numeric">{formatMoney(g.paidPence)}</td>
                  <td className="numeric">{formatMoney(g.remainingPence)}</td>
                  <td>{lastReturnWords(g.lastReturn)}</td>
                  <td>
                    <RagTag rag={g.rag} />
                  </td>
                  <td>
                    {g.overdue.length === 0
                      ? g.nextReturnDue
                        ? `Next return due ${formatDate(g.nextReturnDue)}`
                        : 'Nothing'
                      : g.overdue.map((o) => `Return due ${formatDate(o.dueOn)}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table">
            <caption className="table__caption">By partnership</caption>
            <thead>
              <tr>
                <th scope="col">Partnership</th>
                <th scope="col" className="numeric">
                  Awarded
                </th>
                <th scope="col" className="numeric">
                  Paid
                </th>
                <th scope="col">RAG</th>
                <th scope="col" className="bar-cell">
                  Paid <span className="secondary">(dark) of awarded (light)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {value.partnerships.map((p) => (
                <tr key={p.partnership}>
                  <td>
                    {p.partnership}
                    <div className="hint">
                      {p.grants} {p.grants === 1 ? 'grant' : 'grants'}
                      {p.overdue > 0
                        ? `, ${p.overdue} ${p.overdue === 1 ? 'return' : 'returns'} overdue`
                        : ''}
                    </div>
                  </td>
                  <td className="numeric">{formatMoney(p.awardedPence)}</td>
                  <td className="numeric">{formatMoney(p.paidPence)}</td>
                  <td>
                    <RagTag rag={p.rag} />
                  </td>
                  <RequestedAllocatedBar
                    requestedPence={p.awardedPence}
                    allocatedPence={p.paidPence}
                    maxPence={max}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          {sends && (
            <PacksPanel
              roundId={roundId}
              intro={
                'An officer who follows these grants away from the office gets a pack of them, records due ' +
                'diligence, claims and monitoring returns on their own laptop and sends back a return pack. ' +
                'Each item is applied as theirs, under the same rules as here; if any is refused, none is.'
              }
              send={{
                kind: 'delivery',
                people: officers,
                personLabel: 'Officer',
                buttonLabel: 'Send to officer',
                nobody:
                  'Nobody in this office is a policy or lead officer yet: add them on the profile page.',
              }}
              receiveLabel="Receive a pack"
              onReceived={reloadReport}
            />
          )}
          {may('grants:setThreshold') && (
            <ThresholdForm
              errors={errors}
              setErrors={(next) => {
                setDone(null);
                setErrors(next);
              }}
              onSaved={(message) => {
                setErrors([]);
                setDone(message);
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}
