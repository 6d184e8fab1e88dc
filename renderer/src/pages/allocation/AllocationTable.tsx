import { useMemo, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { rankText } from '../../../../shared/ranking';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { FilterText } from '../../components/ListFilters';
import { filterIndexed, indexText } from '../../lists/text-index';
import { BidCell, OptionChoice } from './AllocationRow';
import type { BoardViewList } from './BoardViews';
import { sharedRanksOf } from './maths';
import type { AllocationEditor } from './useAllocationEditor';

type Ranked = Output<'assessment:rankingRows'>[number];

/**
 * The bids in rank order, each with the board's views and what it is allocated: only the rows in
 * view are drawn, and a filter by words finds a bid among thousands.
 */
// long-function: a table's header, rows and row actions share its state and read in column order
export function AllocationTable(props: {
  ranking: Output<'assessment:rankingRows'>;
  viewsOf: (ref: string) => BoardViewList | undefined;
  editor: AllocationEditor;
  canAllocate: boolean;
}) {
  const { ranking, editor, canAllocate } = props;
  const [text, setText] = useState('');
  const shared = sharedRanksOf(ranking);
  const index = useMemo(() => indexText(ranking, (r) => `${r.ref} ${r.title} ${r.partnership}`), [ranking]);
  const visible = useMemo(() => filterIndexed(index, text), [index, text]);
  const columns: VirtualColumn<Ranked>[] = [
    {
      key: 'rank',
      label: 'Rank',
      numeric: true,
      render: (r) => (r.complete ? rankText(r.rank, shared) : <span className="hint">Not yet scored</span>),
    },
    {
      key: 'bid',
      label: 'Bid',
      className: 'allocation-bid',
      render: (r) => (
        <BidCell ranked={r} views={props.viewsOf(r.ref)} editor={editor} canAllocate={canAllocate} />
      ),
    },
    { key: 'score', label: 'Score', numeric: true, render: (r) => r.weightedScore?.toFixed(2) ?? '—' },
    { key: 'requested', label: 'Requested', numeric: true, render: (r) => formatMoney(r.requestedPence) },
    {
      key: 'reduced',
      label: 'Reduced',
      numeric: true,
      render: (r) => (r.reducedPence !== null ? formatMoney(r.reducedPence) : ''),
    },
    {
      key: 'allocation',
      label: 'Allocation',
      render: (r) => <OptionChoice refText={r.ref} editor={editor} canAllocate={canAllocate} />,
    },
    {
      key: 'amount',
      label: 'Amount',
      numeric: true,
      render: (r) => {
        const amount = editor.item(r.ref)?.amountPence;
        return amount === undefined ? '' : formatMoney(amount);
      },
    },
  ];
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <>
      <div className="filters" role="search" aria-label="Filter the bids to allocate">
        <FilterText id="allocation-filter-text" value={text} onChange={setText} />
      </div>
      <p aria-live="polite" className="table__caption">
        {visible.length === ranking.length
          ? `${n(ranking.length)} bids`
          : `${n(visible.length)} of ${n(ranking.length)} bids`}
      </p>
      {visible.length > 0 && (
        <VirtualTable
          caption="What each bid gets"
          tableClassName="allocation-table"
          columns={columns}
          rows={visible}
          rowKey={(r) => r.bidId}
          variableHeight
          estimateHeight={canAllocate ? 140 : 100}
        />
      )}
    </>
  );
}
