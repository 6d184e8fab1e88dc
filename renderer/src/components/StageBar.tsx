import { useState } from 'react';
import type { Round } from '../../../shared/rounds';
import { nextStage, STAGE_LABELS, STAGES } from '../../../shared/stages';
import { api } from '../api';
import { useMe } from '../profile-context';
import { useMayWrite } from '../packs/round-copy';

/**
 * Where the round stands among its stages, and for a lead officer the one step forward. What may be
 * done in each stage is the rule book's; signing alone moves a round to "Signed".
 */
export function StageBar({ round, onMoved }: { round: Round; onMoved: () => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = nextStage(round.stage);
  const { may } = useMayWrite(round.id);
  const canMove = me?.role === 'lead_officer' && may('rounds:setStage') && next !== null && !round.archived;
  const move = async () => {
    if (!next) return;
    setBusy(true);
    setError(null);
    const result = await api.rounds.setStage({ roundId: round.id, to: next });
    setBusy(false);
    if (result.ok) onMoved();
    else setError(result.error.message);
  };
  return (
    <section className="stage-bar" aria-label="Stage of the round">
      <ol className="stage-bar__steps">
        {STAGES.map((stage) => (
          <li
            key={stage}
            className={`stage-bar__step${stage === round.stage ? ' stage-bar__step--current' : ''}`}
            aria-current={stage === round.stage ? 'step' : undefined}
          >
            {STAGE_LABELS[stage]}
          </li>
        ))}
      </ol>
      {canMove && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void move()}
        >
          Move to {STAGE_LABELS[next].toLowerCase()}
        </button>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
