import type { ParsedInput } from '../../shared/contract';
import { DEFAULT_WORDING, wordingSchema, type Wording } from '../../shared/notices';
import type { HandlerContext, ReadContext } from './context';
import { Refusal } from './refusal';

// The office's standard wording for each fund's notices (legal, equality, public access…).

export function wordingFor(ctx: ReadContext, fundName: string): Wording {
  const fund = ctx.store.funds.list().find((f) => f.name === fundName);
  const stored = fund ? ctx.store.notices.template(fund.id) : undefined;
  return stored ? wordingSchema.parse(JSON.parse(stored)) : DEFAULT_WORDING;
}

export const noticeWordingHandlers = {
  'notices:template': (input: ParsedInput<'notices:template'>, ctx: ReadContext) =>
    wordingFor(ctx, input.fund),

  'notices:setTemplate': (input: ParsedInput<'notices:setTemplate'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const fund = ctx.store.funds.list().find((f) => f.name.toLowerCase() === input.fund.toLowerCase());
      if (!fund) throw new Refusal('not_found', `There is no fund called "${input.fund}"`);
      ctx.store.notices.setTemplate(fund.id, JSON.stringify(input.wording), ctx.now());
      return wordingFor(ctx, fund.name);
    }),
};
