import { MIN_JUSTIFICATION } from '../../../../shared/assessment';
import type { Framework } from '../../../../shared/frameworks';

/** The rules a submit is held to, above the criteria: justifications, gateways and minimums. */
export function ScoringRules({ framework }: { framework: Framework }) {
  const gateways = framework.criteria.filter((c) => c.gateway).map((c) => c.code);
  return (
    <div className="inset scoring-rules">
      <p>
        <strong>To submit:</strong> choose a score for every criterion and write a justification of at least{' '}
        {MIN_JUSTIFICATION} characters for each.
      </p>
      {gateways.length > 0 && (
        <p>
          {gateways.join(', ')} {gateways.length === 1 ? 'is a gateway' : 'are gateways'}: pass or fail. A bid
          that fails a gateway is ranked after all the others, whatever it scores.
        </p>
      )}
      {framework.criteria.some((c) => c.minScore !== null) && (
        <p>A criterion scored below its minimum (shown beside it) also ranks the bid after the others.</p>
      )}
      <p>Save a draft at any time; only submitted scores count.</p>
    </div>
  );
}
