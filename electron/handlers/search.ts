import type { ParsedInput } from '../../shared/contract';
import type { ReadContext } from './context';
import { Refusal } from './refusal';

// Searching bids' words (SQLite FTS5 over references, titles, partnerships and business cases).

export const searchHandlers = {
  'search:query': (input: ParsedInput<'search:query'>, ctx: ReadContext) => {
    // Each word becomes a quoted prefix term, so punctuation in what people type cannot break
    // the FTS5 query syntax.
    const terms = input.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) throw new Refusal('invalid_input', 'Enter a word or reference to search for');
    const match = terms.map((t) => `"${t}"*`).join(' ');
    return ctx.store.bids.search(match, input.roundId, 50);
  },
};
