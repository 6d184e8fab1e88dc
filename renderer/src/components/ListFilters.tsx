// The controls above a long list, the same on every page that has one: a search box whose words
// match in any order, and a "Show" choice of which rows to keep.

export function FilterText({
  id,
  label = 'Reference, project or partnership',
  value,
  onChange,
}: {
  id: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="form-group form-group--inline">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input--medium"
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function FilterShow<K extends string>({
  id,
  labels,
  value,
  onChange,
}: {
  id: string;
  labels: Record<K, string>;
  value: K;
  onChange: (value: K) => void;
}) {
  return (
    <div className="form-group form-group--inline">
      <label className="label" htmlFor={id}>
        Show
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value as K)}>
        {(Object.keys(labels) as K[]).map((key) => (
          <option key={key} value={key}>
            {labels[key]}
          </option>
        ))}
      </select>
    </div>
  );
}
