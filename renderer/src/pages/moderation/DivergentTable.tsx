import { useMemo, useState, type ReactNode } from 'react';
import type { Output } from '../../../../shared/contract';
import { FilterShow, FilterText } from '../../components/ListFilters';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { filterIndexed, indexText } from '../../lists/text-index';

type Item = Output<'assessment:moderation'>['items'][number];
type Show = 'all' | 'open' | 'moderated';
const SHOW_LABELS: Record<Show, string> = {
  all: 'All divergent scores',
  open: 'Not yet moderated',
  moderated: 'Moderated',
};
const keepers: Record<Show, (item: Item) => boolean> = {
  all: () => true,
  open: (i) => i.moderated === null,
  moderated: (i) => i.moderated !== null,
};

/**
 * The criteria where assessors diverge, one row each, drawn only in view and filtered by bid,
 * criterion or assessor; `form` gives the lead officer's moderation form for a row.
 */
// long-function: a table's header, rows and row actions share its state and read in column order
export function DivergentTable({
  items,
  form,
}: {
  items: readonly Item[];
  form: ((item: Item) => ReactNode) | null;
}) {
  const [text, setText] = useState('');
  const [show, setShow] = useState<Show>('all');
  const index = useMemo(
    () => indexText(items, (i) => `${i.ref} ${i.criterion} ${i.scores.map((s) => s.person).join(' ')}`),
    [items],
  );
  const visible = useMemo(() => filterIndexed(index, text, keepers[show]), [index, text, show]);
  const columns: VirtualColumn<Item>[] = [
    {
      key: 'criterion',
      label: 'Bid and criterion',
      className: 'cell-wrap',
      render: (item) => (
        <h3 id={`mod-${item.bidId}-${item.criterionId}`} className="heading-s">
          {item.ref}: {item.criterion} <span className="secondary">(spread {item.spread})</span>
        </h3>
      ),
    },
    {
      key: 'scores',
      label: 'Scores',
      className: 'cell-wrap',
      render: (item) => (
        <table className="table table--compact">
          <caption className="visually-hidden">
            Scores for {item.ref} {item.criterion}
          </caption>
          <tbody>
            {item.scores.map((s) => (
              <tr key={s.person}>
                <th scope="row">{s.person}</th>
                <td className="numeric">
                  <strong>{s.score}</strong>
                </td>
                <td>{s.justification}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
    },
    {
      key: 'moderation',
      label: 'Moderation',
      className: 'cell-wrap',
      render: (item) => (
        <>
          {item.moderated && (
            <p>
              <strong className="tag tag--purple">Moderated to {item.moderated.score}</strong>{' '}
              {item.moderated.reason}
              {item.moderated.by && <span className="secondary"> ({item.moderated.by})</span>}
            </p>
          )}
          {form?.(item)}
        </>
      ),
    },
  ];
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    <>
      <div className="filters" role="search" aria-label="Filter the divergent scores">
        <FilterText
          id="moderation-filter-text"
          label="Bid, criterion or assessor"
          value={text}
          onChange={setText}
        />
        <FilterShow id="moderation-filter-show" labels={SHOW_LABELS} value={show} onChange={setShow} />
      </div>
      <p aria-live="polite" className="table__caption">
        {visible.length === items.length
          ? `${n(items.length)} divergent scores`
          : `${n(visible.length)} of ${n(items.length)} divergent scores`}
      </p>
      {visible.length > 0 && (
        <VirtualTable
          caption="Divergent scores"
          columns={columns}
          rows={visible}
          rowKey={(i) => `${i.bidId}-${i.criterionId}`}
          variableHeight
          estimateHeight={form ? 170 : 110}
        />
      )}
    </>
  );
}
