import type { Output } from '../../../../shared/contract';
import { rankText } from '../../../../shared/ranking';
import { AllocationRow } from './AllocationRow';
import type { BoardViewList } from './BoardViews';
import { sharedRanksOf } from './maths';
import type { AllocationEditor } from './useAllocationEditor';

/** The bids in rank order, each with the board's views and what it is allocated. */
export function AllocationTable(props: {
  ranking: Output<'assessment:ranking'>;
  reducedOf: (bidId: number) => number | null | undefined;
  viewsOf: (ref: string) => BoardViewList | undefined;
  editor: AllocationEditor;
  canAllocate: boolean;
}) {
  const shared = sharedRanksOf(props.ranking);
  return (
    <table className="table allocation-table">
      <caption className="visually-hidden">What each bid gets</caption>
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Rank
          </th>
          <th scope="col">Bid</th>
          <th scope="col" className="numeric">
            Score
          </th>
          <th scope="col" className="numeric">
            Requested
          </th>
          <th scope="col" className="numeric">
            Reduced
          </th>
          <th scope="col">Allocation</th>
          <th scope="col" className="numeric">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {props.ranking.map((r) => (
          <AllocationRow
            key={r.bidId}
            ranked={r}
            rank={rankText(r.rank, shared)}
            reducedPence={props.reducedOf(r.bidId)}
            views={props.viewsOf(r.ref)}
            editor={props.editor}
            canAllocate={props.canAllocate}
          />
        ))}
      </tbody>
    </table>
  );
}
