import type { HandlerContext } from './context';

export const appHandlers = {
  'app:info': (_input: object, ctx: HandlerContext) => ({
    version: ctx.appVersion,
    databaseFile: ctx.store.file,
    schemaVersion: ctx.store.schemaVersion(),
  }),
  'funds:list': (_input: object, ctx: HandlerContext) => ctx.store.funds.list(),
};
