import { useMemo, useState, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  label: string;
  numeric?: boolean;
  /** Value to sort by; columns without one are not sortable. */
  sortValue?: (row: Row) => string | number;
  render: (row: Row) => ReactNode;
}

type Direction = 'ascending' | 'descending';

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
          {columns.map((column) => {
            const direction = sort?.key === column.key ? sort.direction : undefined;
            return (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={column.sortValue ? (direction ?? 'none') : undefined}>
                {column.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      setSort({ key: column.key, direction: direction === 'ascending' ? 'descending' : 'ascending' })
                    }
                  >
                    {column.label}
                    <span className="sort-indicator" aria-hidden="true">
                      {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ⇅'}
                    </span>
                  </button>
                ) : (
                  column.label
                )}
              </th>
            );
          })}
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
