import type { Stage } from '../../../../shared/stages';
import { whyNotNow } from '../../../../shared/may-act';
import { LoadFailure } from '../../components/Page';
import type { Loadable } from '../../hooks/useResult';
import { useMayWrite } from '../../packs/round-copy';
import type { MyBid } from './assessment-words';
import { DeclareAll } from './DeclareAll';
import { MyBidsTable } from './MyBidsTable';
import { OfflineScoring } from './OfflineScoring';

/** An officer's own part: declaring interests, the bids to score, and scoring offline. */
export function YourBids({
  roundId,
  stage,
  mine,
  onChanged,
  onError,
}: {
  roundId: number;
  stage: Stage | null;
  mine: Loadable<MyBid[]>;
  onChanged: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { may } = useMayWrite(roundId);
  const bids = mine.state === 'ready' ? mine.value : [];
  const undeclared = bids.filter((b) => b.state === 'declare');
  const declareClosed = stage ? whyNotNow('assessment:declare', stage) : null;
  return (
    <>
      <h2 className="heading-m">Your bids to score</h2>
      {mine.state === 'failed' && <LoadFailure message={mine.error.message} />}
      {mine.state === 'ready' && bids.length === 0 && (
        <p className="secondary">You are not assigned to any bid in this round.</p>
      )}
      {undeclared.length > 0 && declareClosed && <p className="body">{declareClosed}</p>}
      {undeclared.length > 0 && stage && !declareClosed && may('assessment:declare') && (
        <DeclareAll roundId={roundId} bids={undeclared} onDone={onChanged} />
      )}
      {bids.length > 0 && <MyBidsTable roundId={roundId} bids={bids} />}
      {bids.length > 0 && <OfflineScoring roundId={roundId} onImported={onChanged} onError={onError} />}
    </>
  );
}
