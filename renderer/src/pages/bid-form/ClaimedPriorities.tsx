import type { PriorityNode } from '../../../../shared/organisations';
import { bidFieldId as fieldId, flattenPriorities } from './edits';

/** The plan's priorities as nested boxes to tick: those the bidder claims to serve. */
export function ClaimedPriorities({
  priorities,
  planTitle,
  claimed,
  error,
  onClaim,
}: {
  priorities: PriorityNode[];
  planTitle: string | null;
  claimed: number[];
  error: string | undefined;
  onClaim: (id: number, claimed: boolean) => void;
}) {
  return (
    <fieldset className="fieldset" id={fieldId('claimedPriorityIds')} tabIndex={-1}>
      <legend className="label">Priorities the bidder claims</legend>
      {priorities.length === 0 ? (
        <p className="hint">This round has no Police and Crime Plan, so there are no priorities to claim.</p>
      ) : (
        <>
          <div className="hint">From {planTitle}</div>
          {error && <p className="error-message">{error}</p>}
          {flattenPriorities(priorities).map(({ node, depth }) => (
            <div className="checkbox" key={node.id} style={{ marginLeft: depth * 24 }}>
              <input
                id={`priority-${node.id}`}
                type="checkbox"
                checked={claimed.includes(node.id)}
                onChange={(e) => onClaim(node.id, e.target.checked)}
              />
              <label htmlFor={`priority-${node.id}`}>
                <strong>{node.code}</strong> {node.title}
              </label>
            </div>
          ))}
        </>
      )}
    </fieldset>
  );
}
