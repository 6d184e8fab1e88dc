import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { STAGES, type MovableStage } from '../../shared/stages';

/** Moves a round forward, a stage at a time as the rule book requires, to `to` (as `lead`). */
export async function moveRoundTo(lead: HandlerContext, roundId: number, to: MovableStage): Promise<void> {
  const round = await dispatch('rounds:get', { id: roundId }, lead);
  if (!round.ok) throw new Error(round.error.message);
  for (const stage of STAGES.slice(STAGES.indexOf(round.value.stage) + 1, STAGES.indexOf(to) + 1)) {
    const moved = await dispatch('rounds:setStage', { roundId, to: stage as MovableStage }, lead);
    if (!moved.ok) throw new Error(moved.error.message);
  }
}
