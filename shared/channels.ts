import type { Api } from './contract';
import type { Result } from './result';

// The channel names alone, kept apart from the zod schemas so the preload stays small. The
// contract (contract.ts) must declare exactly these; the type checker holds the two together.

export const CHANNELS = [
  'app:info',
  'funds:list',
  'rounds:list',
  'rounds:get',
  'rounds:create',
  'rounds:update',
  'rounds:archive',
  'rounds:restore',
  'rounds:setStage',
  'rounds:dashboard',
  'rounds:progress',
  'bids:list',
  'bids:get',
  'bids:create',
  'bids:update',
  'bids:previewImport',
  'bids:import',
  'bids:importCase',
  'partnerships:list',
  'partnerships:add',
  'plans:list',
  'plans:create',
  'search:query',
  'people:list',
  'people:add',
  'people:me',
  'people:setProfile',
  'people:session',
  'people:lock',
  'people:passphrase',
  'people:enrol',
  'people:setRole',
  'people:retire',
  'people:approve',
  'people:newCode',
  'people:history',
  'frameworks:get',
  'frameworks:use',
  'frameworks:update',
  'assessment:assign',
  'assessment:declare',
  'assessment:myBids',
  'assessment:sheet',
  'assessment:score',
  'assessment:reopen',
  'assessment:importScores',
  'assessment:progress',
  'assessment:moderation',
  'assessment:moderate',
  'assessment:ranking',
  'assessment:rankingRows',
  'assessment:breakdown',
  'assessment:alignment',
  'assessment:align',
  'assessment:coverage',
  'queries:raise',
  'queries:resolve',
  'queries:list',
  'assessment:exportSheet',
  'assessment:panelPack',
  'allocation:get',
  'allocation:set',
  'allocation:suggest',
  'scenarios:list',
  'scenarios:save',
  'scenarios:adopt',
  'shortlist:get',
  'shortlist:setRule',
  'shortlist:override',
  'board:pack',
  'board:recordView',
  'reports:fund',
  'reports:fundXlsx',
  'reports:byPriority',
  'office:get',
  'office:set',
  'notices:template',
  'notices:setTemplate',
  'notices:get',
  'notices:create',
  'notices:update',
  'notices:set',
  'publish:register',
  'publish:threeSixtyGiving',
  'feedback:list',
  'feedback:set',
  'feedback:approve',
  'notices:readiness',
  'notices:ready',
  'notices:sign',
  'notices:supersede',
  'notices:export',
  'letters:export',
  'demo:load',
  'packs:make',
  'packs:open',
  'packs:return',
  'packs:receive',
  'packs:list',
  'audit:history',
  'grants:list',
  'grants:get',
  'grants:threshold',
  'grants:diligence',
  'grants:agreement',
  'grants:signAgreement',
  'grants:schedule',
  'grants:vary',
  'grants:setThreshold',
  'grants:close',
  'claims:add',
  'claims:approve',
  'returns:template',
  'returns:import',
  'reports:delivery',
  'reports:deliveryXlsx',
  'audit:status',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds a client with one function per channel, each bound to its own channel name, so that no
 * caller can reach a channel the contract does not list.
 */
export function buildApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[verb] = (input?: unknown) => transport(channel, input);
  }
  return api as unknown as Api;
}
