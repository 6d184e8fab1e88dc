import { BOARD_VIEW_LABELS } from '../../../../shared/assessment';
import type { Output } from '../../../../shared/contract';

export type BoardViewList = Output<'board:pack'>[number]['views'];

/** The board members' recorded views of one bid, shown beside it where its award is decided. */
export function BoardViews({ refText, views }: { refText: string; views: BoardViewList | undefined }) {
  if (!views) return null;
  if (views.length === 0) return <p className="hint board-views">No board view recorded on {refText}.</p>;
  return (
    <div className="board-views">
      <p className="board-views__heading">
        Board&apos;s views on {refText} ({views.length})
      </p>
      <ul className="board-views__list">
        {views.map((v) => (
          <li key={`${v.person}-${v.meetingOn ?? ''}`}>
            <strong>{BOARD_VIEW_LABELS[v.view]}</strong> ({v.person}){v.comment ? `: ${v.comment}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
