import { useMemo, useState, type ReactNode } from 'react';
import { SortHeader, type SortDirection } from './SortHeader';

export interface Column<Row> {
  key: string;
  label: string;
  numeric?: boolean;
  /** Value to sort by; columns without one are not sortable. */
  sortValue?: (row: Row) => string | number;
  render: (row: Row) => ReactNode;
}

type Direction = SortDirection;

export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true, sensitivity: 'base' });
}

/** A table whose column headers are buttons that sort it, announced through aria-sort. */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  initialSort?: { key: string; direction: Direction };
}) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue || !sort) return rows;
    const value = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compareValues(value(a), value(b)));
  }, [rows, columns, sort]);

  return (
    <table className="table">
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <SortHeader
              key={column.key}
              label={column.label}
              numeric={column.numeric}
              sortable={column.sortValue !== undefined}
              direction={sort?.key === column.key ? sort.direction : undefined}
              onSort={() =>
                setSort({
                  key: column.key,
                  direction:
                    sort?.key === column.key && sort.direction === 'ascending' ? 'descending' : 'ascending',
                })
              }
            />
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                {column.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
