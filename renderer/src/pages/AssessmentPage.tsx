import { useState } from 'react';
import { Link } from 'wouter';
import { TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../../../shared/frameworks';
import { fileSizeRefusal } from '../../../shared/limits';
import { whyNotNow } from '../../../shared/may-act';
import { api } from '../api';
import { readFileAsBase64, saveFile } from '../files';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { FrameworkSummary } from '../components/FrameworkSummary';
import { useResult } from '../hooks/useResult';
import { PacksPanel } from '../packs/PacksPanel';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';
import { DeclareAll } from './assessment/DeclareAll';

const STATE_LABEL = {
  declare: 'Declare interests',
  conflict: 'Conflict declared',
  to_score: 'To score',
  draft: 'Draft saved',
  submitted: 'Submitted',
} as const;

/** The tag colour for each state: green once submitted, grey for a conflict, yellow while work remains. */
const STATE_TAG: Record<keyof typeof STATE_LABEL, string> = {
  declare: 'tag--yellow',
  conflict: 'tag--grey',
  to_score: 'tag--yellow',
  draft: 'tag--yellow',
  submitted: 'tag--green',
};

// long-function: a page's markup, read top to bottom as the page appears; its sections share this state
export function AssessmentPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [framework, reloadFramework] = useResult(
    () => api.frameworks.get({ roundId }),
    `framework:${roundId}`,
  );
  const [progress, reloadProgress] = useResult(
    () => api.assessment.progress({ roundId }),
    `progress:${roundId}`,
  );
  const [mine, reloadMine] = useResult(
    async () =>
      me && me.role !== 'board_member' && me.role !== 'commissioner'
        ? api.assessment.myBids({ roundId })
        : { ok: true as const, value: [] },
    `mine:${roundId}:${me?.id ?? 0}`,
  );
  const [people] = useResult(() => api.people.list(), 'people');
  const [assessor, setAssessor] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { copy, may } = useMayWrite(roundId);
  // On a round copy from the office, the framework and assignments are the office's to change.
  const lead = me?.role === 'lead_officer' && may('assessment:assign');
  const undeclared = mine.state === 'ready' ? mine.value.filter((b) => b.state === 'declare') : [];
  const declareClosed = round.state === 'ready' ? whyNotNow('assessment:declare', round.value.stage) : null;

  const chooseTemplate = async (template: TemplateKey) => {
    const started = framework.state === 'ready' && framework.value?.scoringStarted;
    if (
      started &&
      !window.confirm(
        'Scoring has started in this round. Replace the framework? The change will be recorded.',
      )
    )
      return;
    const result = await api.frameworks.use({
      roundId,
      template,
      confirmChangeAfterScoring: Boolean(started),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage(`The round now scores with the ${TEMPLATES[template].label} framework.`);
    reloadFramework();
  };
  const downloadSheet = async () => {
    const result = await api.assessment.exportSheet({ roundId });
    if (!result.ok) return setError(result.error.message);
    saveFile(result.value);
  };
  const uploadSheet = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = fileSizeRefusal(file.name, file.size);
    if (tooLarge) return setError(tooLarge);
    const result = await api.assessment.importScores({
      roundId,
      fileName: file.name,
      dataBase64: await readFileAsBase64(file),
    });
    if (!result.ok)
      return setError(
        [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)].join(' · '),
      );
    setError(null);
    setMessage(`Imported ${result.value.imported} scores from ${file.name}. They count as submitted.`);
    reloadMine();
    reloadProgress();
  };
  const assignAll = async () => {
    if (!assessor) return setError('Choose an assessor to assign');
    const result = await api.assessment.assign({ roundId, assessor, all: true });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMessage([`${assessor} is assigned to every bid.`, ...result.value.warnings].join(' '));
    reloadProgress();
    reloadMine();
  };

  return (
    <Page
      title="Assessment"
      caption={round.state === 'ready' ? `${round.value.fund} · ${round.value.name}` : undefined}
    >
      <RoundNav roundId={roundId} />
      {round.state === 'ready' && <DemoBanner notice={round.value.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}

      {me && me.role !== 'board_member' && me.role !== 'commissioner' && (
        <>
          <h2 className="heading-m">Your bids to score</h2>
          {mine.state === 'failed' && <LoadFailure message={mine.error.message} />}
          {mine.state === 'ready' && mine.value.length === 0 && (
            <p className="secondary">You are not assigned to any bid in this round.</p>
          )}
          {undeclared.length > 0 && declareClosed && <p className="body">{declareClosed}</p>}
          {undeclared.length > 0 &&
            round.state === 'ready' &&
            !declareClosed &&
            may('assessment:declare') && (
              <DeclareAll
                roundId={roundId}
                bids={undeclared}
                onDone={(done) => {
                  setError(null);
                  setMessage(done);
                  reloadMine();
                  reloadProgress();
                }}
              />
            )}
          {mine.state === 'ready' && mine.value.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">Your bids to score</caption>
              <thead>
                <tr>
                  <th scope="col">Ref</th>
                  <th scope="col">Partnership</th>
                  <th scope="col">Project</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {mine.value.map((b) => (
                  <tr key={b.bidId}>
                    <td>
                      <Link href={`/rounds/${roundId}/assessment/${b.bidId}`}>{b.ref}</Link>
                    </td>
                    <td>{b.partnership}</td>
                    <td>{b.title}</td>
                    <td>
                      <strong className={`tag ${STATE_TAG[b.state]}`}>{STATE_LABEL[b.state]}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      {me &&
        me.role !== 'board_member' &&
        me.role !== 'commissioner' &&
        mine.state === 'ready' &&
        mine.value.length > 0 && (
          <>
            <h3 className="heading-s">Scoring offline</h3>
            <p className="hint">
              Download your bids as an Excel sheet, fill in scores and justifications away from Tranche, then
              upload it. The same rules apply, and a sheet with any bad row is not imported.
            </p>
            <div className="button-group">
              <button type="button" className="button button--secondary" onClick={() => void downloadSheet()}>
                Download my scoring sheet (Excel)
              </button>
              <label className="label label--small" htmlFor="upload-sheet">
                Upload a completed sheet
              </label>
              <input
                id="upload-sheet"
                type="file"
                accept=".xlsx,.csv"
                onChange={(e) => void uploadSheet(e.target.files?.[0])}
              />
            </div>
          </>
        )}

      <h2 className="heading-m">Scoring framework</h2>
      {framework.state === 'ready' && !framework.value && (
        <p className="body">
          This round has no scoring framework yet.
          {lead ? ' Start from a template, then adjust it.' : ' A lead officer sets it up.'}
        </p>
      )}
      {framework.state === 'ready' && framework.value && <FrameworkSummary framework={framework.value} />}
      {lead && (
        <div className="button-group">
          {framework.state === 'ready' && (
            <Link href={`/rounds/${roundId}/framework`} className="button">
              View or edit the framework
            </Link>
          )}
          {TEMPLATE_KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className="button button--secondary"
              onClick={() => void chooseTemplate(key)}
            >
              Use the {TEMPLATES[key].label} template
            </button>
          ))}
        </div>
      )}

      {lead && (
        <>
          <h2 className="heading-m">Assign assessors</h2>
          <div className="filters">
            <div className="form-group form-group--inline">
              <label className="label" htmlFor="assign-person">
                Assessor
              </label>
              <select
                id="assign-person"
                className="select"
                value={assessor}
                onChange={(e) => setAssessor(e.target.value)}
              >
                <option value="">Choose an officer</option>
                {people.state === 'ready' &&
                  people.value
                    .filter((p) => !p.retiredAt && (p.role === 'policy_officer' || p.role === 'lead_officer'))
                    .map((p) => (
                      <option key={p.id} value={p.name}>
                        {p.name}
                      </option>
                    ))}
              </select>
            </div>
            <button type="button" className="button" onClick={() => void assignAll()}>
              Assign to every bid
            </button>
          </div>
        </>
      )}

      {may('packs:make') && (
        <PacksPanel
          roundId={roundId}
          intro={
            'An assessor who works on their own laptop gets a pack of the bids assigned to them, scores ' +
            'there and sends back a return pack, which you receive here.'
          }
          send={{
            kind: 'assessor',
            people: progress.state === 'ready' ? progress.value.assessors.map((a) => a.person) : [],
            personLabel: 'Assessor',
            buttonLabel: 'Send to assessor',
            nobody: 'Assign assessors first: a pack holds the bids assigned to its assessor.',
          }}
          receiveLabel="Receive a pack"
          onReceived={() => {
            reloadProgress();
            reloadMine();
          }}
        />
      )}

      <Coverage roundId={roundId} />

      <h2 className="heading-m">Progress</h2>
      {progress.state === 'failed' && <LoadFailure message={progress.error.message} />}
      {progress.state === 'ready' && (
        <div className="two-columns">
          <table className="table">
            <caption className="table__caption">By assessor</caption>
            <thead>
              <tr>
                <th scope="col">Assessor</th>
                <th scope="col" className="numeric">
                  Assigned
                </th>
                <th scope="col" className="numeric">
                  Declared
                </th>
                <th scope="col" className="numeric">
                  Conflicts
                </th>
                <th scope="col" className="numeric">
                  Submitted
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.value.assessors.map((a) => (
                <tr key={a.personId}>
                  <td>{a.person}</td>
                  <td className="numeric">{a.assigned}</td>
                  <td className="numeric">{a.declared}</td>
                  <td className="numeric">{a.conflicts}</td>
                  <td className="numeric">{a.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            {/* A copy knows only its recipient's assignments: who else assesses is the office's concern. */}
            {copy ? null : <BidsNeedingAssessors bids={progress.value.bids} />}
            <h3 className="heading-s">Declarations of interest</h3>
            {progress.value.declarations.filter((d) => d.conflict).length === 0 ? (
              <p className="secondary">No conflicts declared.</p>
            ) : (
              <ul>
                {progress.value.declarations
                  .filter((d) => d.conflict)
                  .map((d) => (
                    <li key={`${d.ref}-${d.person}`}>
                      {d.person} in {d.ref}: {d.nature}
                    </li>
                  ))}
              </ul>
            )}
            <p className="hint">{progress.value.declarations.length} declarations recorded in all.</p>
          </div>
        </div>
      )}
    </Page>
  );
}

function Coverage({ roundId }: { roundId: number }) {
  const [coverage] = useResult(() => api.assessment.coverage({ roundId }), `coverage:${roundId}`);
  if (coverage.state !== 'ready' || coverage.value.priorities.length === 0) return null;
  const uncovered = coverage.value.priorities.filter((p) => p.strong.length === 0 && p.some.length === 0);
  return (
    <>
      <h2 className="heading-m">Priorities the round&apos;s bids address</h2>
      <p className="hint">
        From the assessors&apos; priority alignment, against {coverage.value.planTitle}. {uncovered.length} of{' '}
        {coverage.value.priorities.length} priorities are addressed by no bid.
      </p>
      <table className="table table--compact">
        <caption className="visually-hidden">Coverage of the plan's priorities</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Strongly</th>
            <th scope="col">Somewhat</th>
            <th scope="col">Claimed by bidders</th>
          </tr>
        </thead>
        <tbody>
          {coverage.value.priorities.map((p) => (
            <tr key={p.id}>
              <td style={{ paddingLeft: p.depth * 20 }}>
                <strong>{p.code}</strong> {p.title}
              </td>
              <td>{p.strong.join(', ')}</td>
              <td>{p.some.join(', ')}</td>
              <td className="secondary">{p.claimedBy.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function BidsNeedingAssessors({ bids }: { bids: { bidId: number; ref: string; warning: string | null }[] }) {
  const needing = bids.filter((b) => b.warning);
  return (
    <>
      <h3 className="heading-s">Bids needing assessors</h3>
      {needing.length === 0 ? (
        <p className="secondary">Every bid has at least two assessors without a conflict.</p>
      ) : (
        <ul>
          {needing.map((b) => (
            <li key={b.bidId}>
              <strong>{b.ref}</strong>: {b.warning}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
