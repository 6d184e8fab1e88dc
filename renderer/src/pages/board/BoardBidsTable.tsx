import { useMemo, type ReactNode } from 'react';
import { Link } from 'wouter';
import { BOARD_VIEW_LABELS } from '../../../../shared/assessment';
import { formatMoney } from '../../../../shared/money';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { indexBoard, type BoardItem } from '../../lists/board-list';
import { filterIndexed } from '../../lists/text-index';
import { countOf } from './ShortlistTable';

/** The shortlisted bids as the board reads them, each with its views and, for a member, a form. */
// long-function: a table's header, rows and row actions share its state and read in column order
export function BoardBidsTable({
  roundId,
  items,
  text,
  viewForm,
}: {
  roundId: number;
  items: readonly BoardItem[];
  text: string;
  viewForm: ((ref: string) => ReactNode) | null;
}) {
  const index = useMemo(() => indexBoard(items), [items]);
  const visible = useMemo(() => filterIndexed(index, text), [index, text]);
  const columns: VirtualColumn<BoardItem>[] = [
    {
      key: 'bid',
      label: 'Bid',
      render: (b) => (
        <>
          <div className="truncate" title={`${b.ref}: ${b.title}`}>
            <strong>
              {b.rank}. {b.ref}
            </strong>{' '}
            {b.title}
          </div>
          <div className="hint truncate">{b.partnership}</div>
          <Link href={`/rounds/${roundId}/bids/${b.bidId}`}>Read {b.ref}&apos;s business case</Link>
        </>
      ),
    },
    {
      key: 'figures',
      label: 'Score and money',
      render: (b) => (
        <div className="cell-wrap">
          Score {b.weightedScore?.toFixed(2) ?? '—'} · requested {formatMoney(b.requestedPence)}
          {b.reducedPence !== null && ` (could be reduced to ${formatMoney(b.reducedPence)})`} · officers
          propose {b.recommendedPence === null ? 'nothing yet' : formatMoney(b.recommendedPence)}
          {b.departureReason && (
            <p className="reason-note">
              <strong>Away from the ranking, because:</strong> {b.departureReason}
            </p>
          )}
          {[...b.checks, ...b.openQueries].map((c) => (
            <div key={c} className="hint">
              {c}
            </div>
          ))}
        </div>
      ),
    },
    {
      key: 'views',
      label: 'Board views',
      render: (b) => (
        <div className="cell-wrap">
          {b.views.length === 0 && <span className="secondary">None yet</span>}
          {b.views.length > 0 && (
            <ul className="list">
              {b.views.map((v) => (
                <li key={v.person}>
                  {v.person}: <strong>{BOARD_VIEW_LABELS[v.view]}</strong> {v.comment}
                </li>
              ))}
            </ul>
          )}
          {viewForm?.(b.ref)}
        </div>
      ),
    },
  ];
  return (
    <>
      <p aria-live="polite" className="table__caption">
        {countOf(visible.length, items.length)} shortlisted for the board
      </p>
      {visible.length > 0 && (
        <VirtualTable
          caption="Shortlisted bids for the board"
          columns={columns}
          rows={visible}
          rowKey={(b) => b.bidId}
          variableHeight
          estimateHeight={viewForm ? 190 : 90}
        />
      )}
    </>
  );
}
