import { useState } from 'react';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { PacksPanel } from '../packs/PacksPanel';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';
import { scoresBids } from './assessment/assessment-words';
import { AssignAssessors } from './assessment/AssignAssessors';
import { Coverage } from './assessment/Coverage';
import { FrameworkSection } from './assessment/FrameworkSection';
import { ProgressSection } from './assessment/ProgressSection';
import { YourBids } from './assessment/YourBids';

const ASSESSOR_PACK_INTRO =
  'An assessor who works on their own laptop gets a pack of the bids assigned to them, scores ' +
  'there and sends back a return pack, which you receive here.';

export function AssessmentPage({ roundId }: { roundId: number }) {
  const me = useMe();
  const scorer = scoresBids(me?.role);
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
    async () => (scorer ? api.assessment.myBids({ roundId }) : { ok: true as const, value: [] }),
    `mine:${roundId}:${me?.id ?? 0}`,
  );
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { copy, may } = useMayWrite(roundId);
  // On a round copy from the office, the framework and assignments are the office's to change.
  const lead = me?.role === 'lead_officer' && may('assessment:assign');
  /** A write went through: say so, and reload what it changed. */
  const done = (reload: () => void) => (said: string) => {
    setError(null);
    setMessage(said);
    reload();
  };
  const reloadWork = () => {
    reloadMine();
    reloadProgress();
  };
  const r = round.state === 'ready' ? round.value : null;
  return (
    <Page title="Assessment" caption={r ? `${r.fund} · ${r.name}` : undefined}>
      <RoundNav roundId={roundId} />
      {r && <DemoBanner notice={r.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {me && scorer && (
        <YourBids
          roundId={roundId}
          stage={r?.stage ?? null}
          mine={mine}
          onChanged={done(reloadWork)}
          onError={setError}
        />
      )}
      <FrameworkSection
        roundId={roundId}
        framework={framework}
        lead={lead}
        onChanged={done(reloadFramework)}
        onError={setError}
      />
      {lead && <AssignAssessors roundId={roundId} onAssigned={done(reloadWork)} onError={setError} />}
      {may('packs:make') && (
        <PacksPanel
          roundId={roundId}
          intro={ASSESSOR_PACK_INTRO}
          send={{
            kind: 'assessor',
            people: progress.state === 'ready' ? progress.value.assessors.map((a) => a.person) : [],
            personLabel: 'Assessor',
            buttonLabel: 'Send to assessor',
            nobody: 'Assign assessors first: a pack holds the bids assigned to its assessor.',
          }}
          receiveLabel="Receive a pack"
          onReceived={reloadWork}
        />
      )}
      <Coverage roundId={roundId} />
      <h2 className="heading-m">Progress</h2>
      {progress.state === 'failed' && <LoadFailure message={progress.error.message} />}
      {progress.state === 'ready' && <ProgressSection progress={progress.value} copy={Boolean(copy)} />}
    </Page>
  );
}
