import type { Round } from '../../shared/rounds';
import type { ReadContext } from './context';
import { notFound, Refusal } from './refusal';

// Finding a round by id, for every handler; kept apart from the round handlers so that any module
// may use it without importing the handlers themselves.

export function mustGetRound(ctx: ReadContext, id: number): Round {
  const round = ctx.store.rounds.get(id);
  if (!round) throw notFound(`Round ${id}`);
  return round;
}

/** A round that may still be changed: archived rounds are read-only until restored. */
export function mustGetOpenRound(ctx: ReadContext, id: number): Round {
  const round = mustGetRound(ctx, id);
  if (round.archived)
    throw new Refusal(
      'conflict',
      `Round "${round.name}" is archived: restore it before changing it or its bids`,
    );
  return round;
}
