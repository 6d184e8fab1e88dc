export type SortDirection = 'ascending' | 'descending';

/** A column heading that sorts its table, announced through aria-sort. */
export function SortHeader({
  label,
  numeric,
  sortable,
  direction,
  onSort,
}: {
  label: string;
  numeric?: boolean;
  sortable: boolean;
  direction: SortDirection | undefined;
  onSort: () => void;
}) {
  return (
    <th
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={sortable ? (direction ?? 'none') : undefined}
    >
      {sortable ? (
        <button type="button" className="sort-button" onClick={onSort}>
          {label}
          <span className="sort-indicator" aria-hidden="true">
            {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ⇅'}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}
