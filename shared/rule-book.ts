import type { Channel } from './channels';

// The rule book: for every channel of the contract, whether it only reads or also writes the
// record. Dispatch consults it before any handler runs (and the audit chain records every write);
// who may call a channel, and in which stages of a round, is declared here too, so that no
// handler has to remember a rule on its own. A channel missing from this map does not compile.

export type Access = 'read' | 'write';

export interface Rule {
  access: Access;
}

const read: Rule = { access: 'read' };
const write: Rule = { access: 'write' };

export const RULE_BOOK = {
  'app:info': read,
  'funds:list': read,
  'rounds:list': read,
  'rounds:get': read,
  'rounds:create': write,
  'rounds:update': write,
  'rounds:archive': write,
  'rounds:restore': write,
  'rounds:dashboard': read,
  'bids:list': read,
  'bids:get': read,
  'bids:create': write,
  'bids:update': write,
  'bids:previewImport': read,
  'bids:import': write,
  'bids:importCase': write,
  'partnerships:list': read,
  'plans:list': read,
  'plans:create': write,
  'search:query': read,
  'people:list': read,
  'people:add': write,
  'people:me': read,
  'people:setProfile': write,
  // Identity channels decide for themselves who may call them: the rule depends on who holds a
  // key (a database where nobody does yet may enrol its first lead officer without a profile).
  'people:session': read,
  'people:lock': read,
  'people:passphrase': write,
  'people:enrol': write,
  'frameworks:get': read,
  'frameworks:use': write,
  'frameworks:update': write,
  'assessment:assign': write,
  'assessment:declare': write,
  'assessment:myBids': read,
  'assessment:sheet': read,
  'assessment:score': write,
  'assessment:importScores': write,
  'assessment:progress': read,
  'assessment:moderation': read,
  'assessment:moderate': write,
  'assessment:ranking': read,
  'assessment:alignment': read,
  'assessment:align': write,
  'assessment:coverage': read,
  'queries:raise': write,
  'queries:resolve': write,
  'queries:list': read,
  // Exports write files, not the record.
  'assessment:exportSheet': read,
  'assessment:panelPack': read,
  'allocation:get': read,
  'allocation:set': write,
  'allocation:suggest': write,
  'scenarios:list': read,
  'scenarios:save': write,
  'scenarios:adopt': write,
  'shortlist:get': read,
  'shortlist:setRule': write,
  'shortlist:override': write,
  'board:pack': read,
  'board:recordView': write,
  'reports:fund': read,
  'reports:fundXlsx': read,
  'reports:byPriority': read,
  'office:get': read,
  'office:set': write,
  'notices:template': read,
  'notices:setTemplate': write,
  'notices:get': read,
  'notices:create': write,
  'notices:update': write,
  'notices:ready': write,
  'notices:sign': write,
  'notices:supersede': write,
  'notices:export': read,
  'letters:export': read,
  'demo:load': write,
} as const satisfies Record<Channel, Rule>;

export const ruleFor = (channel: Channel): Rule => RULE_BOOK[channel];
