import { useMemo, useState } from 'react';
import { rankText, sharedRanks } from '../../../../shared/ranking';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { FilterShow } from '../../components/ListFilters';
import {
  filterShortlist,
  indexShortlist,
  SHORTLIST_SHOW_LABELS,
  type ShortlistItem,
  type ShortlistShow,
} from '../../lists/board-list';

/** Every ranked bid and whether it is shortlisted, filtered by the page's words and by `show`. */
// long-function: a table's header, rows and row actions share its state and read in column order
export function ShortlistTable({
  items,
  text,
  lead,
  onToggle,
}: {
  items: readonly ShortlistItem[];
  text: string;
  lead: boolean;
  onToggle: (ref: string, included: boolean, reason: string) => void;
}) {
  const [show, setShow] = useState<ShortlistShow>('all');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const index = useMemo(() => indexShortlist(items), [items]);
  const shared = useMemo(() => sharedRanks(items.map((i) => i.rank)), [items]);
  const visible = useMemo(() => filterShortlist(index, text, show), [index, text, show]);
  const shortlisted = useMemo(() => items.filter((i) => i.included).length, [items]);
  const columns: VirtualColumn<ShortlistItem>[] = [
    { key: 'rank', label: 'Rank', numeric: true, render: (i) => rankText(i.rank, shared) },
    {
      key: 'bid',
      label: 'Bid',
      render: (i) => (
        <>
          <div className="truncate" title={`${i.ref} ${i.title}`}>
            <strong>{i.ref}</strong> {i.title}
          </div>
          <div className="hint truncate">{i.partnership}</div>
        </>
      ),
    },
    { key: 'score', label: 'Score', numeric: true, render: (i) => i.weightedScore?.toFixed(2) ?? '—' },
    {
      key: 'shortlisted',
      label: 'Shortlisted',
      render: (i) => (
        <div className="cell-wrap">
          {i.included ? (
            <strong className="tag tag--green">Shortlisted</strong>
          ) : (
            <span className="secondary">Not shortlisted</span>
          )}
          {i.override && (
            <div className="hint">
              Against the rule: {i.override.reason}
              {i.override.by ? ` (${i.override.by})` : ''}
            </div>
          )}
        </div>
      ),
    },
  ];
  if (lead)
    columns.push({
      key: 'change',
      label: 'Change',
      render: (i) => (
        <>
          <label className="visually-hidden" htmlFor={`reason-${i.ref}`}>
            Reason for changing {i.ref}
          </label>
          <input
            id={`reason-${i.ref}`}
            className="input input--reason"
            placeholder="Reason, if against the rule"
            value={reasons[i.ref] ?? ''}
            onChange={(e) => setReasons((r) => ({ ...r, [i.ref]: e.target.value }))}
          />{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onToggle(i.ref, !i.included, reasons[i.ref] ?? '')}
          >
            {i.included ? 'Leave out' : 'Add'}
            <span className="visually-hidden"> {i.ref}</span>
          </button>
        </>
      ),
    });
  return (
    <>
      <FilterShow id="shortlist-show" labels={SHORTLIST_SHOW_LABELS} value={show} onChange={setShow} />
      <p aria-live="polite" className="table__caption">
        {countOf(visible.length, items.length)}, {shortlisted.toLocaleString('en-GB')} shortlisted
      </p>
      {visible.length > 0 && (
        <VirtualTable
          caption="Bids and whether they are shortlisted"
          columns={columns}
          rows={visible}
          rowKey={(i) => i.bidId}
          variableHeight
          estimateHeight={64}
        />
      )}
    </>
  );
}

/** "10,000 bids", or "12 of 10,000 bids" when filtered. */
export function countOf(shown: number, all: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  return shown === all ? `${n(all)} bids` : `${n(shown)} of ${n(all)} bids`;
}
