import { Link } from 'wouter';
import { STATE_LABEL, STATE_TAG, type MyBid } from './assessment-words';

/** The bids assigned to this assessor, each linked to its scoring sheet, with where it stands. */
export function MyBidsTable({ roundId, bids }: { roundId: number; bids: readonly MyBid[] }) {
  return (
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
        {bids.map((b) => (
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
  );
}
