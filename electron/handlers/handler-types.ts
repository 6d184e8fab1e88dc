import type { z } from 'zod';
import type { Channel } from '../../shared/channels';
import type { contract, ParsedInput } from '../../shared/contract';
import type { RULE_BOOK } from '../../shared/rule-book';
import type { HandlerContext, ReadContext } from './context';

/** A read channel's handler is given a store that can only read (see `readContext`). */
type ContextFor<C extends Channel> = (typeof RULE_BOOK)[C]['access'] extends 'read'
  ? ReadContext
  : HandlerContext;

/** Every channel's handler: its parsed input and context in, what its output schema accepts out. */
export type Handlers = {
  [C in Channel]: (
    input: ParsedInput<C>,
    ctx: ContextFor<C>,
  ) => z.input<(typeof contract)[C]['output']> | Promise<z.input<(typeof contract)[C]['output']>>;
};

/** A handler as dispatch calls it, once its input is parsed. */
export type Handler = (input: unknown, ctx: ReadContext) => unknown;
