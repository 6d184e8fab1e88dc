import type { ParsedInput } from '../../shared/contract';
import { returnPack } from '../packs/answer';
import { listPacks } from '../packs/log';
import { makePack } from '../packs/make';
import { openPack } from '../packs/open';
import { receivePack } from '../packs/receive';
import type { HandlerContext, ReadContext } from './context';

// The pack channels; the work is in electron/packs/ (one module per step, one per kind of pack).

export const packHandlers = {
  'packs:make': (input: ParsedInput<'packs:make'>, ctx: HandlerContext) => makePack(ctx, input),
  'packs:open': (input: ParsedInput<'packs:open'>, ctx: HandlerContext) => openPack(ctx, input),
  'packs:return': (input: ParsedInput<'packs:return'>, ctx: HandlerContext) => returnPack(ctx, input),
  'packs:receive': (input: ParsedInput<'packs:receive'>, ctx: HandlerContext) => receivePack(ctx, input),
  'packs:list': (input: ParsedInput<'packs:list'>, ctx: ReadContext) => listPacks(ctx, input),
};
