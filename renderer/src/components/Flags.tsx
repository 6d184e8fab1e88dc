import type { Flag } from '../../../shared/checks';

export function FlagList({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="flag-list">
      {flags.map((flag, i) => (
        <li key={`${flag.code}-${i}`} className={`flag flag--${flag.severity}`}>
          <strong className={`tag ${flag.severity === 'problem' ? 'tag--red' : 'tag--yellow'}`}>
            {flag.severity === 'problem' ? 'Check' : 'Note'}
          </strong>{' '}
          {flag.message}
        </li>
      ))}
    </ul>
  );
}

/** A compact count for table cells, with the messages for assistive technology and on hover. */
export function FlagCount({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return <span className="secondary">None</span>;
  const problems = flags.filter((f) => f.severity === 'problem').length;
  const label = flags.map((f) => f.message).join('; ');
  return (
    <span title={label}>
      {problems > 0 && <strong className="tag tag--red">{problems} to check</strong>}
      {flags.length - problems > 0 && (
        <strong className="tag tag--yellow">
          {flags.length - problems} note{flags.length - problems === 1 ? '' : 's'}
        </strong>
      )}
      <span className="visually-hidden">: {label}</span>
    </span>
  );
}
