import type { Person } from '../../shared/people';
import type { ReadContext } from './context';
import { notFound, Refusal } from './refusal';

// Finding the bids and people an assessment command names.

export function bidByRef(ctx: ReadContext, roundId: number, ref: string) {
  const found = ctx.store.bids.findByRef(roundId, ref);
  if (!found) throw new Refusal('not_found', `There is no bid ${ref} in this round`);
  return found.id;
}

export function mustGetPerson(ctx: ReadContext, id: number): Person {
  const person = ctx.store.people.get(id);
  if (!person) throw notFound(`Person ${id}`);
  return person;
}

export function personNamed(ctx: ReadContext, name: string): Person {
  const person = ctx.store.people.findByName(name);
  if (!person) throw new Refusal('not_found', `There is no person called "${name}"`);
  return person;
}

export function selectedBidIds(
  ctx: ReadContext,
  roundId: number,
  input: { bidRefs?: string[] | undefined; all: boolean },
  onlyAssignedTo?: number,
): number[] {
  if (input.all) {
    const ids = ctx.store.bids.ids(roundId);
    if (onlyAssignedTo === undefined) return ids;
    const assigned = new Set(
      ctx.store.scoring.assignmentsForRound(roundId, onlyAssignedTo).map((a) => a.bidId),
    );
    return ids.filter((id) => assigned.has(id));
  }
  return (input.bidRefs ?? []).map((ref) => bidByRef(ctx, roundId, ref));
}
