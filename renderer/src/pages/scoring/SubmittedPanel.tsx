import { Link } from 'wouter';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';

/** After submitting: says so, and offers the next bid this assessor still has to score. */
export function SubmittedPanel({ roundId, bidId, ref }: { roundId: number; bidId: number; ref: string }) {
  const [mine] = useResult(() => api.assessment.myBids({ roundId }), `my-bids:${roundId}:${bidId}`);
  const next =
    mine.state === 'ready'
      ? mine.value.find((b) => b.bidId !== bidId && ['declare', 'to_score', 'draft'].includes(b.state))
      : undefined;
  return (
    <div className="banner banner--success" role="status">
      <p className="banner__title">Your scores for {ref} are submitted</p>
      <p>They now count in the ranking, and you can see other assessors&apos; scores below.</p>
      {mine.state === 'ready' &&
        (next ? (
          <p>
            <Link href={`/rounds/${roundId}/assessment/${next.bidId}`}>
              Score the next bid assigned to you: {next.ref} {next.title}
            </Link>
          </p>
        ) : (
          <p>
            You have no other bids to score in this round.{' '}
            <Link href={`/rounds/${roundId}/assessment`}>Back to your bids</Link>
          </p>
        ))}
    </div>
  );
}
