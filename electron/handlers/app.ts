import type { ReadContext } from './context';

export const appHandlers = {
  'app:info': (_input: object, ctx: ReadContext) => ({
    version: ctx.appVersion,
    databaseFile: ctx.store.file,
    schemaVersion: ctx.store.schemaVersion(),
  }),
  'funds:list': (_input: object, ctx: ReadContext) => ctx.store.funds.list(),
};
