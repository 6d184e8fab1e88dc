import type { RoundLocator } from '../../shared/rule-book';
import type { ReadContext } from './context';

// The round a write touches, found from its input as the rule book says: the round's own id, or
// the round of the bid, notice or query the input names. Null when the thing named does not
// exist: the handler then refuses it as not found, in its own words.

export function roundOfInput(ctx: ReadContext, locator: RoundLocator, input: unknown): number | null {
  const id = (input as Record<string, unknown> | undefined)?.[locator.field];
  if (typeof id !== 'number') return null;
  switch (locator.kind) {
    case 'round':
      return id;
    case 'bid':
      return ctx.store.bids.get(id)?.roundId ?? null;
    case 'notice':
      return ctx.store.notices.get(id)?.roundId ?? null;
    case 'query': {
      const query = ctx.store.scoring.query(id);
      return query ? (ctx.store.bids.get(query.bidId)?.roundId ?? null) : null;
    }
  }
}
