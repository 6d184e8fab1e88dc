import { useState } from 'react';
import { whyNotNow } from '../../../shared/may-act';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { Banner, LoadFailure, Page } from '../components/Page';
import { DemoBanner, RoundNav } from '../components/RoundNav';
import { useResult } from '../hooks/useResult';
import { useMayWrite } from '../packs/round-copy';
import { useMe } from '../profile-context';
import { NoticeSections } from './notice/NoticeSections';

export function NoticePage({ roundId }: { roundId: number }) {
  const [round] = useResult(() => api.rounds.get({ id: roundId }), `round:${roundId}`);
  const [notice, reload] = useResult(() => api.notices.get({ roundId }), `notice:${roundId}`);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reloadAll = () => {
    reload();
    setGeneration((g) => g + 1);
  };
  /** Runs an action; a refusal goes back to the caller (the readiness list shows it by its field). */
  const act = async <R extends { ok: true } | { ok: false; error: AppError }>(
    label: string,
    call: () => Promise<R>,
  ): Promise<R> => {
    const result = await call();
    if (!result.ok) return result;
    setError(null);
    setMessage(label);
    reloadAll();
    return result;
  };
  const r = round.state === 'ready' ? round.value : null;
  return (
    <Page title="Notice of Decision" caption={r ? `${r.fund} · ${r.name}` : undefined}>
      <RoundNav roundId={roundId} />
      {r && <DemoBanner notice={r.demoNotice} />}
      {message && <Banner kind="success">{message}</Banner>}
      {error && <LoadFailure message={error} />}
      {notice.state === 'failed' && <LoadFailure message={notice.error.message} />}
      {notice.state === 'ready' && !notice.value && (
        <NoNotice
          roundId={roundId}
          draftNotYet={r ? whyNotNow('notices:create', r.stage) : null}
          onDraft={() =>
            void act('Notice drafted.', () => api.notices.create({ roundId })).then(
              (result) => !result.ok && setError(result.error.message),
            )
          }
        />
      )}
      {notice.state === 'ready' && notice.value && (
        <NoticeSections
          roundId={roundId}
          round={r}
          notice={notice.value}
          generation={generation}
          act={act}
          say={setMessage}
          fail={setError}
          reload={reload}
          reloadAll={reloadAll}
        />
      )}
    </Page>
  );
}

/** Before a notice is drafted: where its words come from, and the lead officer's button (or why not yet). */
function NoNotice({
  roundId,
  draftNotYet,
  onDraft,
}: {
  roundId: number;
  draftNotYet: string | null;
  onDraft: () => void;
}) {
  const me = useMe();
  const { may } = useMayWrite(roundId);
  const lead = me?.role === 'lead_officer' && may('notices:update');
  return (
    <>
      <p className="body">
        The notice is written from the round&apos;s record: the budget, the bids, the board&apos;s views and
        the allocation. Nothing in its figures or lists is typed.
      </p>
      {lead && draftNotYet && <p className="body">{draftNotYet}</p>}
      {lead && !draftNotYet && (
        <button type="button" className="button" onClick={onDraft}>
          Draft the notice
        </button>
      )}
    </>
  );
}
