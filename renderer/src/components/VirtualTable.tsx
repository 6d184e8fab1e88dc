import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { SortHeader } from './SortHeader';

export interface VirtualColumn<Row> {
  key: string;
  label: string;
  numeric?: boolean;
  sortable?: boolean;
  /** A class for the column's cells (a cell that holds forms and wraps, say). */
  className?: string;
  render: (row: Row) => ReactNode;
}

const ROW_HEIGHT = 37;

/**
 * A table this short is drawn whole: every row is then in the page, for find-in-page and for a
 * screen reader's table commands, at a cost nobody notices. Longer tables draw the rows in view.
 */
export const DRAWN_WHOLE_UP_TO = 100;
/** Rows drawn beyond the view of a longer table, so a short scroll shows rows already drawn. */
const ROWS_BEYOND_VIEW = 4;

/**
 * A real <table> that renders only the rows in view, so a round of 10,000 bids scrolls as
 * smoothly as one of ten. Spacer rows keep the scroll height; aria-rowcount and aria-rowindex
 * tell assistive technology where each rendered row sits. Rows may grow (a breakdown opened in
 * place) when `variableHeight` is set: each rendered row is then measured as it is drawn.
 */
// long-function: measuring, keyboard and rendering share the table's scroll state
export function VirtualTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  variableHeight = false,
  estimateHeight = ROW_HEIGHT,
  tableClassName,
}: {
  caption: string;
  columns: VirtualColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  sort?: { key: string; direction: 'ascending' | 'descending' };
  onSort?: (key: string) => void;
  variableHeight?: boolean;
  estimateHeight?: number;
  tableClassName?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser's values are read during render by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualiser = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateHeight,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
    overscan: rows.length <= DRAWN_WHOLE_UP_TO ? rows.length : ROWS_BEYOND_VIEW,
    // Rows are drawn in the first render, before the scroller is measured: the first row appears
    // one frame sooner, and a page rendered to markup (in the unit tests) has rows.
    initialRect: { width: 1024, height: 600 },
  });
  const items = virtualiser.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualiser.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div
      className="table-scroll"
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label={`${caption} (scrolls)`}
    >
      <table className={tableClassName ? `table ${tableClassName}` : 'table'} aria-rowcount={rows.length + 1}>
        <caption className="table__caption visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <SortHeader
                key={column.key}
                label={column.label}
                numeric={column.numeric}
                sortable={column.sortable === true && onSort !== undefined}
                direction={sort?.key === column.key ? sort.direction : undefined}
                onSort={() => onSort?.(column.key)}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={variableHeight ? virtualiser.measureElement : undefined}
                style={variableHeight ? undefined : { height: ROW_HEIGHT }}
              >
                {columns.map((column) => (
                  <td key={column.key} className={cellClass(column)}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: { numeric?: boolean; className?: string }): string | undefined {
  const names = [column.numeric && 'numeric', column.className].filter(Boolean).join(' ');
  return names || undefined;
}
